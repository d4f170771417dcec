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

//! What wallets, dashboards and the lead's tools ask, answered by the chain's own rules: the
//! logic of the pallet's view functions (`#[pallet::view_functions]` in `lib.rs`, metadata v16,
//! called through the runtime's `RuntimeViewFunction` API). Pages are bounded by [`MAX_PAGE`].

use crate::{pallet::*, runtime_api::ProgramView, *};
use alloc::vec::Vec;
use frame_support::{
	storage::{with_transaction, TransactionOutcome},
	traits::tokens::ConversionFromAssetBalance,
};
use sp_runtime::traits::{BlockNumberProvider, One, Saturating};

/// The most entries one page of a paged view returns.
pub const MAX_PAGE: u32 = 64;

/// A roster member, as a view returns it.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct MemberView<AccountId> {
	/// The member's account.
	pub who: AccountId,
	/// Senior Ambassador or ambassador.
	pub role: Role,
	/// The region or language tag.
	pub region: Vec<u8>,
	/// For an ambassador, its senior.
	pub senior: Option<AccountId>,
	/// For a senior, the size of its crew.
	pub crew: u32,
}

/// What a beneficiary may still receive from a pool in the current period.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RemainingView<Balance> {
	/// The current period.
	pub period: PeriodIndex,
	/// In the pool's denomination: the lower of what is left under the pool's cap and under
	/// the member cap.
	pub amount: Balance,
	/// `amount` in native tokens at today's rate (`None` without a rate, or with a stale one).
	pub native: Option<Balance>,
}

/// How old an asset's rate is, against [`Config::MaxRateAge`].
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RateView<BlockNumber> {
	/// The block in which the rate was last set, if [`Config::RateClock`] knows it.
	pub set_at: Option<BlockNumber>,
	/// The last block in which a conversion still uses it (`set_at + MaxRateAge`); after it,
	/// conversions fail with [`Error::RateStale`] until the rate is set again.
	pub fresh_until: Option<BlockNumber>,
	/// Whether the converter has a rate for the asset at all.
	pub has_rate: bool,
	/// Whether a conversion in this block would use it: a rate, dated at most
	/// [`Config::MaxRateAge`] blocks ago.
	pub fresh: bool,
}

/// A payment of a program that the paymaster did not report done at once.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PaymentView<AccountId, Balance, BlockNumber> {
	/// Its index, for `check_payment` and `retry_payment`.
	pub payment: PaymentIndex,
	/// Who is paid.
	pub payee: AccountId,
	/// The amount, in native tokens.
	pub amount: Balance,
	/// The pool and period it was charged to.
	pub pool: PoolIndex,
	pub period: PeriodIndex,
	/// In progress (anyone may `check_payment`), else failed (anyone may `retry_payment`).
	pub in_progress: bool,
	/// For a failed payment: the block of its failure, and the first block at which a close
	/// returns its amount to the treasury instead.
	pub failed_at: Option<BlockNumber>,
	pub retry_until: Option<BlockNumber>,
}

/// A report or claim of a round, with what it would be paid if the round settled now.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct EntryView<AccountId, Balance> {
	/// Who filed.
	pub who: AccountId,
	/// A roster member's report, or a contributor's claim (with its pool and deposit).
	pub kind: EntryKind<Balance>,
	/// The evidence reference.
	pub evidence: Vec<u8>,
	/// Its score, if scored (an unscored entry scores 0): the lead's, or with a panel the
	/// median of its reviews, none below the panel's quorum.
	pub score: Option<Score>,
	/// The score the member proposed for its report, if it did.
	pub proposed: Option<Score>,
	/// With a panel: each reviewer's score of it, in the order given.
	pub reviews: Vec<(AccountId, Score)>,
	/// The member's appeal of its score, if it appealed: open (with its deposit held), upheld,
	/// dismissed or lapsed.
	pub appeal: Option<AppealState<Balance>>,
	/// Whether the council struck it in the veto window: it pays nothing.
	pub struck: bool,
	/// Whether the filer may be paid from its pool now, at or above the threshold.
	pub eligible: bool,
	/// What it would be paid now (in the pool's denomination and in native), if anything.
	pub payment: Option<Payment<Balance>>,
}

/// A scored pool's part of a round: what the round would pay from it against its cap.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PoolRoundView<Balance> {
	/// The pool.
	pub pool: PoolIndex,
	/// Its period cap, in its denomination.
	pub period_cap: Balance,
	/// What the round would pay from it, in its denomination.
	pub amount: Balance,
	/// The same in native tokens.
	pub native: Balance,
}

/// A monthly round: its entries with their scores and the pay each would get if it settled
/// now, its totals against the pools' caps and the program's funds.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct RoundView<AccountId, Balance, BlockNumber> {
	/// The period.
	pub period: PeriodIndex,
	/// Open, finalized, tallying or paying.
	pub status: RoundStatus,
	/// Whether its scores are fixed (finalized, or past its scoring window).
	pub is_final: bool,
	/// The first block at which reports for the period are refused.
	pub filing_deadline: BlockNumber,
	/// The first block at which the round is final by itself.
	pub scoring_deadline: BlockNumber,
	/// The first block at which its members may no longer appeal, nor the council decide an
	/// appeal: [`Config::AppealWindow`] after the round became final (earlier than after the
	/// scoring deadline if the lead finalized it).
	pub appeal_deadline: BlockNumber,
	/// The first block at which it may settle, and the council may no longer strike its
	/// entries or veto it: [`Config::VetoWindow`] after the appeal deadline.
	pub veto_deadline: BlockNumber,
	/// Appeals waiting for the council (or, past the appeal deadline, for anyone to lapse
	/// them): it does not settle while there are any.
	pub open_appeals: u32,
	/// Whether the council vetoed it: nothing is paid from it.
	pub vetoed: bool,
	/// Reports scored at or above the program's activity threshold and not struck, none if the
	/// round was vetoed (members who left the roster included: `ActiveMembers` counts only those
	/// still on it).
	pub active: u32,
	/// With a panel, how many reviews an entry needs for a score: an entry with fewer has
	/// none, and pays nothing. `None` when the lead scores alone.
	pub quorum: Option<u32>,
	/// The entries still in the round, in the round's order (filing order, but for a claim
	/// marked as spam, whose place the last entry took; paid entries are gone).
	pub entries: Vec<EntryView<AccountId, Balance>>,
	/// Each scored pool's total.
	pub pools: Vec<PoolRoundView<Balance>>,
	/// What the round would still pay, in native tokens.
	pub total_native: Balance,
	/// What the program can spend on it: its uncommitted funds, plus what this round
	/// already has committed.
	pub available: Balance,
	/// Why no entry shows a payment, if no rate converts now: the error the settlement's first
	/// step would meet (`RateStale`, `NoRate`). `None` once the rates are fixed or fresh.
	pub unpriced: Option<DispatchError>,
}

/// Everything a program's page reads from the runtime, in one call: a client (the dashboard)
/// pays one runtime execution for the page instead of one per part.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PageView<AccountId, Balance, BlockNumber, AssetKind> {
	/// The program, as the runtime API's `program` reports it.
	pub program: ProgramView<AccountId, Balance, BlockNumber, AssetKind>,
	/// For each pool, in spec order: the age of its denomination's rate, as the `rate` view
	/// reports it; `None` for a pool that needs no rate (its cap is in native tokens, or in the
	/// asset the program pays).
	pub rates: Vec<Option<RateView<BlockNumber>>>,
	/// The rounds of the current period and of the [`PAGE_ROUNDS`]` - 1` before it that are
	/// still in storage, latest first, as the `round` view reports them. A period missing here
	/// was settled, or nobody filed for it.
	pub rounds: Vec<RoundView<AccountId, Balance, BlockNumber>>,
	/// The payments in progress or failed, as the `payments` view reports them.
	pub payments: Vec<PaymentView<AccountId, Balance, BlockNumber>>,
}

/// How many periods, the current one included, a [`PageView`] reports the rounds of.
pub const PAGE_ROUNDS: u32 = 3;

impl<T: Config> Pallet<T> {
	/// The round of `period` of program `index`: each report or claim with its score and the
	/// pay it would get if the round settled now, and the totals against the caps and the
	/// program's funds. `NoRound` if nobody filed for that period (or it was settled).
	pub fn view_round(
		index: ProgramIndex,
		period: PeriodIndex,
	) -> Result<RoundView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>>, DispatchError> {
		let program = Self::program(index)?;
		let schedule = Self::ensure_active(&program)?;
		let round = RoundStore::<T>::get(index, period).ok_or(Error::<T>::NoRound)?;
		let (plan, unpriced) = Self::plan_round(index, &program, period, &round)?;
		let now = T::BlockNumberProvider::current_block_number();
		let mut pools: Vec<PoolRoundView<BalanceOf<T>>> = program
			.pools
			.iter()
			.enumerate()
			.filter(|(_, pool)| pool.payout.is_scored())
			.map(|(p, pool)| PoolRoundView {
				pool: p as PoolIndex,
				period_cap: pool.period_cap,
				amount: Zero::zero(),
				native: Zero::zero(),
			})
			.collect();
		let mut total_native = BalanceOf::<T>::zero();
		for planned in &plan {
			if let Some(payment) = &planned.payment {
				total_native = total_native.saturating_add(payment.native);
				if let Some(pool) = pools.iter_mut().find(|p| p.pool == payment.pool) {
					pool.amount = pool.amount.saturating_add(payment.amount);
					pool.native = pool.native.saturating_add(payment.native);
				}
			}
		}
		let check = RoundStore::<T>::check(index, period);
		Ok(RoundView {
			period,
			status: round.status,
			is_final: schedule.is_final(&round, period, now),
			filing_deadline: schedule.filing_deadline(period),
			scoring_deadline: schedule.scoring_deadline(period),
			appeal_deadline: schedule.appeal_deadline(period, check.finalized_at),
			veto_deadline: schedule.veto_deadline(period, check.finalized_at),
			open_appeals: check.open_appeals,
			vetoed: check.vetoed,
			active: Self::active_in_round(index, period, &program, &round).len() as u32,
			quorum: Panels::<T>::get(index).map(|panel| panel.quorum),
			entries: plan,
			pools,
			total_native,
			available: program.uncommitted().saturating_add(round.committed),
			unpriced,
		})
	}

	/// Program `index` as its page shows it (see [`PageView`]), or `None` if there is no such
	/// program. Bounded: [`Config::MaxPools`] rates, [`PAGE_ROUNDS`] rounds of at most
	/// [`Config::MaxEntriesPerRound`] entries, [`Config::MaxOpenPayments`] payments.
	pub fn view_page(
		index: ProgramIndex,
	) -> Option<PageView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>> {
		let view = crate::runtime_api::program_view::<T>(index)?;
		let rates = view
			.pools
			.iter()
			.map(|pool| match &pool.denomination {
				Denomination::Asset(kind) if pool.denomination != view.asset => {
					Some(Self::view_rate(kind.clone()))
				},
				_ => None,
			})
			.collect();
		// A proposed program has no round: `view_round` refuses it.
		let rounds = (0..PAGE_ROUNDS)
			.filter_map(|back| view.period.checked_sub(back))
			.filter_map(|period| Self::view_round(index, period).ok())
			.collect();
		Some(PageView { program: view, rates, rounds, payments: Self::view_payments(index) })
	}

	/// Programs with indices from `start`, at most `limit` (and [`MAX_PAGE`]) indices scanned;
	/// removed programs are skipped. The next page starts at `start + limit`.
	pub fn view_programs(
		start: ProgramIndex,
		limit: u32,
	) -> Vec<ProgramView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>, T::AssetKind>> {
		let end = start.saturating_add(limit.min(MAX_PAGE)).min(ProgramCount::<T>::get());
		(start..end).filter_map(runtime_api::program_view::<T>).collect()
	}

	/// The roster of program `index`, at most `limit` (and [`MAX_PAGE`]) members, in storage
	/// order, after member `after` (from the first when `None`).
	pub fn view_roster(
		index: ProgramIndex,
		after: Option<T::AccountId>,
		limit: u32,
	) -> Vec<MemberView<T::AccountId>> {
		let members = match after {
			Some(after) => {
				Roster::<T>::iter_prefix_from(index, Roster::<T>::hashed_key_for(index, &after))
			},
			None => Roster::<T>::iter_prefix(index),
		};
		members
			.take(limit.min(MAX_PAGE) as usize)
			.map(|(who, m)| MemberView {
				who,
				role: m.role,
				region: m.region.into_inner(),
				senior: m.senior,
				crew: m.crew,
			})
			.collect()
	}

	/// What `beneficiary` may still receive from `pool` of program `index` this period under the
	/// caps, or the error an award would meet first for who they are (not eligible, reserved,
	/// ...). It does not check the program's unspent funds nor the period's slots for new
	/// beneficiaries: `dry_run_awards` answers for a given amount.
	pub fn view_remaining(
		index: ProgramIndex,
		pool: PoolIndex,
		beneficiary: T::AccountId,
	) -> Result<RemainingView<BalanceOf<T>>, DispatchError> {
		let program = Self::program(index)?;
		let schedule = Self::ensure_open(&program)?;
		let spec = program.pools.get(pool as usize).ok_or(Error::<T>::UnknownPool)?;
		// A scored pool pays by its round, not by awards.
		ensure!(!spec.payout.is_scored(), Error::<T>::PoolIsScored);
		Self::payable(index, &program, spec, &beneficiary)?;
		let period = schedule.current_period();
		let spent =
			program.pool_spent.get(pool as usize).map_or_else(Zero::zero, |s| s.spent_in(period));
		let mut amount = spec.period_cap.saturating_sub(spent);
		if let Some(cap) = spec.member_cap {
			let spent = MemberSpending::<T>::get(index, (pool, &beneficiary))
				.map_or_else(Zero::zero, |record| record.spent_in(period));
			amount = amount.min(cap.saturating_sub(spent));
		}
		let native = Self::to_paid(amount, &spec.denomination, &program.asset).ok();
		Ok(RemainingView { period, amount, native })
	}

	/// How old the rate of `asset` is, and until which block conversions use it.
	pub fn view_rate(asset: T::AssetKind) -> RateView<BlockNumberOf<T>> {
		let set_at = T::RateClock::set_at(&asset);
		let has_rate = T::BalanceConverter::from_asset_balance(One::one(), asset.clone()).is_ok();
		RateView {
			set_at,
			fresh_until: set_at.map(|at| at.saturating_add(T::MaxRateAge::get())),
			has_rate,
			fresh: has_rate && Self::fresh_rate(&asset).is_ok(),
		}
	}

	/// Program `index`'s payments in progress or failed, at most [`Config::MaxOpenPayments`],
	/// in index order.
	pub fn view_payments(
		index: ProgramIndex,
	) -> Vec<PaymentView<T::AccountId, BalanceOf<T>, BlockNumberOf<T>>> {
		let mut payments: Vec<_> = Payments::<T>::iter_prefix(index)
			.take(T::MaxOpenPayments::get() as usize)
			.map(|(payment, record)| {
				let failed_at = match record.state {
					PaymentState::InProgress { .. } => None,
					PaymentState::Failed { at } => Some(at),
				};
				PaymentView {
					payment,
					payee: record.payee,
					amount: record.amount,
					pool: record.pool,
					period: record.period,
					in_progress: failed_at.is_none(),
					failed_at,
					retry_until: failed_at
						.map(|at| at.saturating_add(T::PaymentRetryWindow::get())),
				}
			})
			.collect();
		payments.sort_by_key(|view| view.payment);
		payments
	}

	/// Checks `awards` as `award_batch` would pay them now, entry by entry and in order (caps
	/// apply across the list): the native amount each would pay, or the error it would meet.
	/// Unlike the batch, an entry that fails does not stop the ones after it. Nothing is
	/// written: the whole check runs in a storage transaction that is rolled back.
	pub fn view_dry_run(
		index: ProgramIndex,
		awards: AwardsOf<T>,
	) -> Vec<Result<BalanceOf<T>, DispatchError>> {
		let outcome = with_transaction(|| {
			let results = match Self::program(index) {
				Err(e) => awards.iter().map(|_| Err(e)).collect(),
				Ok(mut program) => {
					let open = Self::ensure_open(&program);
					awards
						.into_iter()
						.map(|award| {
							open?;
							let paid = program.paid;
							with_transaction(|| {
								let mut trial = program.clone();
								let paid = rewards::Payer::new(index, &trial)
									.and_then(|mut payer| payer.pay(&mut trial, award));
								match paid {
									Ok(_) => {
										program = trial;
										TransactionOutcome::Commit(Ok(()))
									},
									Err(e) => TransactionOutcome::Rollback(Err(e)),
								}
							})?;
							Ok(program.paid.saturating_sub(paid))
						})
						.collect()
				},
			};
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(results))
		});
		outcome.unwrap_or_default()
	}
}
