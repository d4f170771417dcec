// This file is part of community-bounty.

// SPDX-License-Identifier: Apache-2.0

// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
// 	http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

//! The view functions: pages, what a beneficiary may still receive, and the dry run of a batch.

use super::*;
use crate::{mock::*, views::MAX_PAGE, Error, *};
use frame_support::assert_ok;
use sp_runtime::DispatchError;

#[test]
fn programs_are_paged_and_removed_ones_skipped() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..5 {
			propose(direct_spec());
		}
		assert_ok!(CB::reject_program(majority(), 1));
		let page: Vec<_> = CB::view_programs(0, 3).into_iter().map(|p| p.index).collect();
		assert_eq!(page, vec![0, 2]);
		let page: Vec<_> = CB::view_programs(3, 3).into_iter().map(|p| p.index).collect();
		assert_eq!(page, vec![3, 4]);
		assert!(CB::view_programs(5, 3).is_empty());
		assert_eq!(CB::view_programs(0, u32::MAX).len(), 4, "a page is capped, not the count");
		assert!(MAX_PAGE >= 4);
	});
}

#[test]
fn the_roster_is_paged_in_storage_order() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 3, 4);
		let first = CB::view_roster(index, None, 4);
		assert_eq!(first.len(), 4);
		let rest = CB::view_roster(index, first.last().map(|m| m.who), 10);
		assert_eq!(rest.len(), 3);
		let mut all: Vec<_> = first.iter().chain(rest.iter()).map(|m| m.who).collect();
		all.sort();
		all.dedup();
		assert_eq!(all.len(), 7, "every member once");
		let captain = first.iter().chain(rest.iter()).find(|m| m.who == senior(0)).unwrap();
		assert_eq!((captain.role, captain.crew), (Role::SeniorAmbassador, 2));
	});
}

#[test]
fn remaining_is_the_lower_of_the_pool_and_member_caps() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		assert_ok!(award(index, CONTRIBUTOR_POOL, STRANGER, 200 * USD));
		let left = CB::view_remaining(index, CONTRIBUTOR_POOL, STRANGER).unwrap();
		assert_eq!(left.amount, CONTRIBUTOR_MEMBER_CAP - 200 * USD);
		assert_eq!(left.native, Some(usd_to_pha(CONTRIBUTOR_MEMBER_CAP - 200 * USD)));
		let left = CB::view_remaining(index, SENIOR_POOL, senior(0)).unwrap();
		assert_eq!(left.amount, SENIOR_CAP);
		assert_eq!(
			CB::view_remaining(index, SENIOR_POOL, STRANGER),
			Err(Error::<Test>::NotEligible.into())
		);
		assert_eq!(
			CB::view_remaining(index, CONTRIBUTOR_POOL, LEAD),
			Err(Error::<Test>::LeadNotEligible.into())
		);
	});
}

#[test]
fn a_dry_run_checks_entry_by_entry_and_writes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let index = active_direct();
		fill_roster(index, 1, 0);
		let awards: AwardsOf<Test> = vec![
			entry(SENIOR_POOL, senior(0), 1_500),
			entry(SENIOR_POOL, senior(0), 600),
			entry(CONTRIBUTOR_POOL, STRANGER, 100),
			entry(CONTRIBUTOR_POOL, account(index), 100),
		]
		.try_into()
		.unwrap();
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let results = CB::view_dry_run(index, awards.clone());
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
		assert_eq!(
			results,
			vec![
				Ok(usd_to_pha(1_500 * USD)),
				// The first entry counts against the cap: $2,100 of $2,000.
				Err(Error::<Test>::PoolCapExceeded.into()),
				Ok(usd_to_pha(100 * USD)),
				Err(Error::<Test>::ReservedAccount.into()),
			]
		);
		assert_eq!(program(index).paid, 0);
		let unknown: Vec<Result<Balance, DispatchError>> =
			vec![Err(Error::<Test>::UnknownProgram.into()); 4];
		assert_eq!(CB::view_dry_run(99, awards), unknown);
	});
}

#[test]
fn the_page_view_is_the_other_views_in_one_call() {
	use super::rounds::{file, round_with, score, P1};
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(CB::view_page(7), None, "no program, no page");
		let proposed = propose(direct_spec());
		let page = CB::view_page(proposed).unwrap();
		assert_eq!(Some(page.program), runtime_api::program_view::<Test>(proposed));
		assert!(page.rounds.is_empty(), "a proposed program has no round");

		let index = round_with(2, 0);
		assert_ok!(file(index, 0, senior(0)));
		assert_ok!(score(index, 0, &[(senior(0), 80)]));
		go_to(P1);
		assert_ok!(file(index, 1, senior(1)));
		let page = CB::view_page(index).unwrap();
		assert_eq!(Some(page.program.clone()), runtime_api::program_view::<Test>(index));
		assert_eq!(page.program.period, 1);
		// Both pools are denominated in USD while the program pays PHA: each needs the rate.
		let usd = CB::view_rate(USD_ASSET);
		assert!(usd.fresh);
		assert_eq!(page.rates, vec![Some(usd); program(index).pools.len()]);
		// The current period first, then the one before it; period "-1" does not exist.
		assert_eq!(
			page.rounds,
			vec![CB::view_round(index, 1).unwrap(), CB::view_round(index, 0).unwrap()]
		);
		assert_eq!(page.rounds[1].entries[0].score, Some(80));
		assert_eq!(page.payments, CB::view_payments(index));
	});
}

#[test]
fn the_round_view_gives_the_checks_windows_each_appeal_and_each_strike() {
	use super::rounds::{round_with, P0_FINAL};
	ExtBuilder::default().build_and_execute(|| {
		AppealWindow::set(20);
		VetoWindow::set(10);
		let index = round_with(3, 0);
		for (s, proposed) in [(0, 80), (1, 90), (2, 50)] {
			set_free(senior(s), 10 * PHA);
			assert_ok!(CB::file_report(signed(senior(s)), index, 0, bytes("r"), Some(proposed)));
		}
		let scores = vec![(senior(0), 60), (senior(1), 40), (senior(2), 70)];
		assert_ok!(CB::score_round(signed(LEAD), index, 0, scores.try_into().unwrap()));
		let view = CB::view_round(index, 0).unwrap();
		assert!(!view.is_final);
		assert_eq!(
			(view.appeal_deadline, view.veto_deadline, view.open_appeals, view.vetoed),
			(P0_FINAL + 20, P0_FINAL + 30, 0, false),
			"the windows as they will be if the lead does not finalize early"
		);
		go_to(P0_FINAL);
		assert_ok!(CB::appeal(signed(senior(0)), index, 0));
		assert_ok!(CB::appeal(signed(senior(1)), index, 0));
		assert_ok!(CB::dismiss_appeal(signed(REJECTER), index, 0, senior(1)));
		assert_ok!(CB::strike_entry(signed(REJECTER), index, 0, senior(2), bytes("copied")));
		let view = CB::view_round(index, 0).unwrap();
		assert_eq!(view.open_appeals, 1);
		let entry = |s: u32| view.entries.iter().find(|e| e.who == senior(s)).unwrap();
		assert_eq!(entry(0).appeal, Some(AppealState::Open { deposit: APPEAL_DEPOSIT }));
		assert_eq!(entry(1).appeal, Some(AppealState::Dismissed));
		assert_eq!((entry(2).appeal, entry(2).struck), (None, true));
		assert!(entry(2).payment.is_none() && !entry(2).eligible, "a struck entry is shown unpaid");
		assert!(entry(0).payment.is_some() && !entry(0).struck);
		assert_ok!(CB::veto_round(signed(REJECTER), index, 0, bytes("the whole month was gamed")));
		let view = CB::view_round(index, 0).unwrap();
		assert!(view.vetoed);
		assert!(view.entries.iter().all(|e| e.payment.is_none()), "a vetoed round pays no one");
		assert_eq!(view.total_native, 0);
	});
}
