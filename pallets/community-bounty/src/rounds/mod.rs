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

//! The monthly round: members report, the lead scores, the chain pays by the program's rule.
//!
//! Every rule of a round is enforced here:
//! - **Filing.** A roster member files one report per period ([`EntryKind::Report`]); an account
//!   not on the roster files a claim to a scored `Contributors` pool with
//!   [`Config::ClaimDeposit`] held ([`EntryKind::Claim`]). Both name the period `p`, and are
//!   accepted from the start of `p` until [`Config::FilingGrace`] blocks after its end, for a
//!   period that began by the program's end block. The lead never files. A round holds at most
//!   [`Config::MaxEntriesPerRound`] entries, and the roster's part is reserved: claims take at
//!   most `MaxEntriesPerRound - MaxRoster` of them, so strangers never keep a member from
//!   filing (a spam mark frees a claim's slot for another claim, never a member's).
//! - **Scoring.** The lead scores entries 0..=100 and may revise them until the round is final:
//!   finalized by the lead once the filing window is over, or final by itself
//!   [`Config::ScoringWindow`] blocks later. An unscored entry scores 0. The lead may mark a
//!   claim as spam until then (removed, deposit to the treasury); a round left empty is gone.
//! - **Paying.** A scored pool ([`Payout::Scored`]) pays the entries at or above its threshold:
//!   the scored senior pool pays reports of Senior Ambassadors leading at least `min_crew`, a
//!   scored contributors pool the claims made to it. [`Split::Linear`]: `member_cap x score`,
//!   scaled down pro rata if the total passes the period cap. [`Split::Proportional`]: the
//!   period cap shared by score, each share clipped at the member cap. Amounts round down; the
//!   dust stays in the program.
//! - **Settling.** Anyone settles a final round. The first call fixes every payment of the
//!   round: each scored pool's cap in native at that block's rate (a missing or zero rate
//!   refuses it), each entry's eligibility (on the roster now, the role, the crew, never the
//!   lead), and so each amount; it commits their exact sum ([`Program::committed`]) so that
//!   direct awards cannot spend it, or fails and changes nothing if the program cannot afford
//!   it. Roster changes after that call change nothing in the round. Whoever makes that call
//!   picks the block, and so the rate, for the whole round. A scored pool takes no direct award,
//!   so its spending in period `p` is only what `p`'s round fixed: settling `p` during `p + 1`
//!   cannot eat into `p + 1`'s cap. The next calls pay a page ([`Config::RoundPageSize`]
//!   entries) each, skip a payee who cannot receive, release claim deposits and remove their
//!   page; the last removes the round.
//! - **Storage.** The round's record keeps its filers in filing order with their scores and, once
//!   settling, the pool that pays each; their evidence lives in pages of
//!   [`Config::RoundPageSize`] ([`RoundPages`]), so that a pay step reads and removes one
//!   record rather than one per entry.
//! - **Activity.** [`Metric::ActiveMembers`] counts the accounts on the roster now whose report
//!   in the last final period scored at or above the program's `activity_threshold`, but not a
//!   report the council struck, nor any of a round it vetoed: read from that round while it is
//!   stored, else from the [`Activity`] its settlement left.
//!
//! The module holds the round's bounds (this file), the only writer of its storage
//! (`store.rs`), filing and scoring (`filing.rs`), payout maths (`payout.rs`), settlement
//! (`settlement.rs`) and the activity metric (`activity.rs`).

mod activity;
mod checks;
mod filing;
mod panel;
mod payout;
mod settlement;
mod store;
pub mod types;

pub(crate) use store::RoundStore;

use crate::{pallet::*, *};

impl<T: Config> Pallet<T> {
	/// The entries of a page of a round's entries.
	pub fn page_size() -> u32 {
		T::RoundPageSize::get().max(1)
	}

	/// The most claims a round holds: what the roster cannot use.
	pub fn claim_room() -> u32 {
		T::MaxEntriesPerRound::get().saturating_sub(T::MaxRoster::get())
	}

	/// The report or claim of `who` in the round of `period` of program `index`, as its page
	/// stores it, with its filer record (score, and the pool fixed to pay it), if any.
	pub fn round_entry(
		index: ProgramIndex,
		period: PeriodIndex,
		who: &T::AccountId,
	) -> Option<(RoundEntry<T>, FilerOf<T>)> {
		let round = RoundStore::<T>::get(index, period)?;
		let position = round.position(who)?;
		let entry = RoundStore::<T>::entry(index, period, position)?;
		Some((entry, round.filers.get(position as usize)?.clone()))
	}
}
