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

//! The scoring panel: who may sit on one, and how its reviewers' scores make an entry's score
//! (the median, at or above the quorum).

use crate::{pallet::*, *};

impl<T: Config> Pallet<T> {
	/// Checks the panel a spec names for program `index`: 1..=`MaxReviewers` reviewers (the
	/// bound holds them), each once, none the program account or the treasury, and a quorum of
	/// 1 up to their number. (The roster is empty at proposal; `add_member` refuses a reviewer.)
	pub(crate) fn validate_panel(index: ProgramIndex, panel: &Panel<T>) -> DispatchResult {
		let reviewers = panel.reviewers.len() as u32;
		ensure!(reviewers > 0 && (1..=reviewers).contains(&panel.quorum), Error::<T>::InvalidPanel);
		for (position, reviewer) in panel.reviewers.iter().enumerate() {
			ensure!(!Self::is_reserved(index, reviewer), Error::<T>::ReservedAccount);
			ensure!(
				!panel.reviewers.iter().skip(position + 1).any(|other| other == reviewer),
				Error::<T>::DuplicateReviewer
			);
		}
		Ok(())
	}

	/// Whether `who` sits on program `index`'s scoring panel.
	pub fn is_reviewer(index: ProgramIndex, who: &T::AccountId) -> bool {
		Panels::<T>::get(index).is_some_and(|panel| panel.position(who).is_some())
	}

	/// A reviewer's scores of entries of a round not final yet: each replaces the reviewer's
	/// last score of the entry, and the entry's score becomes the median of its reviews (none
	/// below the quorum).
	pub(crate) fn do_review_round(
		index: ProgramIndex,
		period: PeriodIndex,
		caller: &T::AccountId,
		scores: ScoresOf<T>,
	) -> DispatchResult {
		let program = Self::program(index)?;
		let panel = Panels::<T>::get(index).ok_or(Error::<T>::NoPanel)?;
		let reviewer = panel.position(caller).ok_or(Error::<T>::NotReviewer)?;
		let mut round = Self::scoring_round(index, period, &program)?;
		ensure!(!scores.is_empty(), Error::<T>::NoScores);
		let mut assessments = RoundStore::<T>::assessments(index, period);
		for (who, score) in scores {
			ensure!(score <= MAX_SCORE, Error::<T>::InvalidScore);
			ensure!(&who != caller, Error::<T>::OwnEntry);
			// A member the council named lead after it filed is not paid for it.
			ensure!(who != program.lead, Error::<T>::LeadCannotFile);
			let position = round.position(&who).ok_or(Error::<T>::NotFiled)? as usize;
			let assessment = RoundStore::<T>::assessment_mut(&mut assessments, position)?;
			match assessment.reviews.iter_mut().find(|(by, _)| *by == reviewer) {
				Some(review) => review.1 = score,
				// One review a reviewer, and at most `MaxReviewers` reviewers: it fits.
				None => assessment
					.reviews
					.try_push((reviewer, score))
					.map_err(|_| Error::<T>::Inconsistent)?,
			}
			let median = assessment.median(panel.quorum);
			let filer = round.filers.get_mut(position).ok_or(Error::<T>::Inconsistent)?;
			filer.score = median;
			Self::deposit_event(Event::Reviewed {
				index,
				period,
				reviewer: caller.clone(),
				who,
				score,
				median,
			});
		}
		RoundStore::<T>::put(index, period, &round);
		RoundStore::<T>::put_assessments(index, period, assessments);
		Ok(())
	}
}
