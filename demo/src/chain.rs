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
//! The chain, in process: genesis from the `development` preset, then block by block through
//! `Executive`, every action a signed extrinsic from a dev key (signature, nonce and fee checked
//! as on a chain). It records the events it raised as the audit trail.

use crate::narrate::{describe, truncate};
use codec::Encode;
use community_bounty_runtime::{
	genesis_config_presets::{self, PARA_ID},
	AccountId, Balance, BlockNumber, Executive, Header, ParachainSystem, RuntimeCall, RuntimeEvent,
	SignedPayload, System, Timestamp, TreasuryAccount, TxExtension, UncheckedExtrinsic,
};
use cumulus_primitives_core::{relay_chain::HeadData, PersistedValidationData};
use cumulus_primitives_parachain_inherent::ParachainInherentData;
use cumulus_test_relay_sproof_builder::RelayStateSproofBuilder;
use frame_support::{
	inherent::{InherentData, ProvideInherent},
	traits::{fungible::Inspect, Get},
	BoundedVec,
};
use serde_json::Value;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{traits::Header as _, MultiAddress, MultiSignature};
use sp_runtime::{Digest, DigestItem};
use std::collections::BTreeMap;

pub(crate) type Balances = pallet_balances::Pallet<community_bounty_runtime::Runtime>;
pub(crate) type Cb = pallet_community_bounty::Pallet<community_bounty_runtime::Runtime>;

/// One line of the audit trail.
pub(crate) struct Entry {
	pub(crate) block: BlockNumber,
	pub(crate) who: String,
	pub(crate) pallet: String,
	pub(crate) name: String,
	pub(crate) fields: Value,
	pub(crate) text: String,
}

/// A step the chain refused: who signed it, in which block, and the error (nothing changed).
pub(crate) struct Refusal {
	pub(crate) block: BlockNumber,
	pub(crate) who: String,
	pub(crate) error: String,
}

/// The chain, in process: genesis from the `development` preset, then block by block.
pub(crate) struct Chain {
	pub(crate) ext: sp_io::TestExternalities,
	pub(crate) block: BlockNumber,
	pub(crate) parent: H256,
	/// The header of the last block, which the next block's relay chain proof says is included.
	pub(crate) parent_header: Header,
	/// The relay chain block the next block is built on: one more each block.
	pub(crate) relay_parent: u32,
	pub(crate) now_ms: u64,
	pub(crate) nonces: BTreeMap<AccountId, u32>,
	pub(crate) names: BTreeMap<AccountId, String>,
	pub(crate) trail: Vec<Entry>,
	/// The steps the chain refused, in order.
	pub(crate) refusals: Vec<Refusal>,
	pub(crate) json: bool,
	pub(crate) fees: Balance,
	/// Rewards received, by beneficiary, in the order they were first paid.
	pub(crate) rewards: Vec<(AccountId, Balance)>,
	/// What each beneficiary received from the program paying USDT, in USDT.
	pub(crate) asset_rewards: Vec<(AccountId, Balance)>,
}

pub(crate) fn bounded<S: Get<u32>>(s: &str) -> BoundedVec<u8, S> {
	s.as_bytes().to_vec().try_into().expect("demo texts fit the runtime's bounds")
}

/// An account of the seed's roster or contributors: a key derived from its name.
pub(crate) fn named(name: &str) -> AccountId {
	named_pair(name).public().into()
}

/// The dev key of [`named`]: members sign their own reports with it.
pub(crate) fn named_pair(name: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&community_bounty_runtime::seed::dev_uri(name), None)
		.expect("valid derivation path")
}

impl Chain {
	pub(crate) fn new(json: bool) -> Self {
		let storage =
			genesis_config_presets::preset_storage(sp_genesis_builder::DEV_RUNTIME_PRESET)
				.expect("the development preset builds");
		let mut ext = sp_io::TestExternalities::new(storage);
		let parent = ext.execute_with(|| System::block_hash(0));
		let mut names = BTreeMap::new();
		for (k, name) in [
			(Sr25519Keyring::Alice, "Alice (council)"),
			(Sr25519Keyring::Bob, "Bob (council)"),
			(Sr25519Keyring::Charlie, "Charlie (council)"),
			(Sr25519Keyring::Dave, "Dave (council)"),
			(Sr25519Keyring::Eve, "Eve (council)"),
			(Sr25519Keyring::Ferdie, "Rhee (lead, Ferdie)"),
		] {
			names.insert(k.to_account_id(), name.to_string());
		}
		names.insert(TreasuryAccount::get(), "Treasury".into());
		names.insert(Cb::program_account(0), "Program #0 account".into());
		Chain {
			ext,
			block: 0,
			parent,
			// In-process genesis has no header (System records the parent of block 1 as a fixed
			// hash): block 1's proof names an empty one as included, the segment being empty.
			parent_header: Header::new(
				0,
				Default::default(),
				Default::default(),
				Default::default(),
				Default::default(),
			),
			relay_parent: 0,
			now_ms: 1_651_190_400_000, // 2022-04-29, the day proposal #14 was tabled.
			nonces: BTreeMap::new(),
			names,
			trail: Vec::new(),
			json,
			fees: 0,
			rewards: Vec::new(),
			asset_rewards: Vec::new(),
			refusals: Vec::new(),
		}
	}

	pub(crate) fn name(&self, who: &AccountId) -> String {
		self.names.get(who).cloned().unwrap_or_else(|| format!("{who}"))
	}

	/// Starts block `number` as a collator would: Aura's pre-runtime digest with the slot of the
	/// block's timestamp, then the inherents, parachain-system's validation data (a relay chain
	/// proof built as cumulus's tests build it: the relay slot of the timestamp, this chain's
	/// last block included, the relay parent one block further) and the timestamp. A jump ahead
	/// stands for that many empty blocks: they would change nothing this scenario reads (no hook
	/// of these pallets acts on them), so the demo skips them by moving System's block number, as
	/// FRAME tests do.
	pub(crate) fn start_block(&mut self, number: BlockNumber) {
		let skipped = number.saturating_sub(self.block) as u64;
		self.now_ms += skipped * community_bounty_runtime::MILLI_SECS_PER_BLOCK;
		self.block = number;
		self.relay_parent += 1;
		let slot = Slot::from(self.now_ms / community_bounty_runtime::SLOT_DURATION);
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent, digest);
		let validation_data = self.validation_data(slot);
		let now = self.now_ms;
		self.ext.execute_with(|| {
			System::set_block_number(number - 1);
			Executive::initialize_block(&header);
			let mut data = InherentData::new();
			data.put_data(ParachainSystem::INHERENT_IDENTIFIER, &validation_data)
				.expect("the validation data encodes");
			data.put_data(Timestamp::INHERENT_IDENTIFIER, &now).expect("a u64 encodes");
			let inherents = [
				ParachainSystem::create_inherent(&data).map(RuntimeCall::ParachainSystem),
				Timestamp::create_inherent(&data).map(RuntimeCall::Timestamp),
			];
			for call in inherents {
				let call = call.expect("the inherent data is there");
				Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(call))
					.expect("the inherent is valid")
					.expect("the inherent dispatches");
			}
		});
	}

	/// The validation data of the next block, for Aura slot `slot`.
	fn validation_data(&self, slot: Slot) -> ParachainInherentData {
		let parent_head = HeadData(self.parent_header.encode());
		let sproof = RelayStateSproofBuilder {
			para_id: PARA_ID.into(),
			// Relay chain and parachain slots have the same duration (6 s).
			current_slot: slot,
			included_para_head: Some(parent_head.clone()),
			..Default::default()
		};
		let (relay_parent_storage_root, relay_chain_state) = sproof.into_state_root_and_proof();
		ParachainInherentData {
			validation_data: PersistedValidationData {
				parent_head,
				relay_parent_number: self.relay_parent,
				relay_parent_storage_root,
				max_pov_size: 5 * 1024 * 1024,
			},
			relay_chain_state,
			downward_messages: Vec::new(),
			horizontal_messages: BTreeMap::new(),
			relay_parent_descendants: Vec::new(),
			collator_peer_id: None,
		}
	}

	pub(crate) fn end_block(&mut self) {
		let header = self.ext.execute_with(Executive::finalize_block);
		self.parent = header.hash();
		self.parent_header = header;
	}

	/// Signs `call` with `signer`'s dev key and applies it through `Executive`. Returns the
	/// dispatch outcome; records the events it raised.
	pub(crate) fn submit(
		&mut self,
		signer: &sr25519::Pair,
		call: RuntimeCall,
	) -> Result<(), String> {
		let who: AccountId = signer.public().into();
		let nonce = *self.nonces.get(&who).unwrap_or(&0);
		let extension: TxExtension = community_bounty_runtime::tx_extension(nonce);
		let (outcome, events) = self.ext.execute_with(|| {
			let payload = SignedPayload::new(call.clone(), extension.clone())
				.expect("the extension's implicit data is available");
			let signature = MultiSignature::from(payload.using_encoded(|p| signer.sign(p)));
			let xt = UncheckedExtrinsic::new_signed(
				call,
				MultiAddress::Id(who.clone()),
				signature,
				extension,
			);
			let before = System::event_count();
			let outcome = Executive::apply_extrinsic(xt);
			let events: Vec<RuntimeEvent> =
				System::read_events_no_consensus().skip(before as usize).map(|r| r.event).collect();
			(outcome, events)
		});
		let outcome = outcome.map_err(|e| format!("invalid transaction: {e:?}"))?;
		self.nonces.insert(who.clone(), nonce + 1);
		let signer_name = self.name(&who);
		for event in events {
			self.record(&signer_name, event);
		}
		outcome.map_err(|e| match e {
			sp_runtime::DispatchError::Module(sp_runtime::ModuleError {
				message: Some(message),
				..
			}) => message.to_string(),
			e => format!("{e:?}"),
		})
	}

	/// Keeps the ledger's sums (rewards by beneficiary, fees), then prints and records the
	/// event if a council member reads it.
	pub(crate) fn record(&mut self, who: &str, event: RuntimeEvent) {
		match &event {
			// A payment in PHA, or in the asset of a program paying another (the USDT program).
			// The demo runtime's paymaster pays at once, so a confirmed payment is a failed one
			// paid by a retry.
			RuntimeEvent::CommunityBounty(
				pallet_community_bounty::Event::Awarded {
					index, beneficiary, native: paid, ..
				}
				| pallet_community_bounty::Event::PaymentConfirmed {
					index,
					payee: beneficiary,
					amount: paid,
					..
				},
			) => {
				let rewards = if crate::narrate::asset_of(*index)
					== pallet_community_bounty::Denomination::Native
				{
					&mut self.rewards
				} else {
					&mut self.asset_rewards
				};
				match rewards.iter_mut().find(|(who, _)| who == beneficiary) {
					Some((_, total)) => *total += paid,
					None => rewards.push((beneficiary.clone(), *paid)),
				}
			},
			RuntimeEvent::TransactionPayment(
				pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
			) => self.fees += actual_fee,
			_ => {},
		}
		let Some((pallet, name, fields, text)) = describe(&event, &|who| self.name(who)) else {
			return;
		};
		if !self.json {
			println!("  #{:<7} {:<22} {}", self.block, truncate(who, 22), text);
		}
		self.trail.push(Entry {
			block: self.block,
			who: who.to_string(),
			pallet: pallet.into(),
			name,
			fields,
			text,
		});
	}

	pub(crate) fn say(&self, line: &str) {
		if !self.json {
			println!("\n{line}");
		}
	}

	pub(crate) fn balance(&mut self, who: &AccountId) -> Balance {
		self.ext.execute_with(|| Balances::balance(who))
	}

	/// What `who` holds of USDT.
	pub(crate) fn usdt(&mut self, who: &AccountId) -> Balance {
		self.ext.execute_with(|| {
			community_bounty_runtime::Assets::balance(community_bounty_runtime::configs::USDT, who)
		})
	}

	/// The total issuance of USDT.
	pub(crate) fn usdt_issuance(&mut self) -> Balance {
		use frame_support::traits::fungibles::Inspect;
		self.ext.execute_with(|| {
			community_bounty_runtime::Assets::total_issuance(
				community_bounty_runtime::configs::USDT,
			)
		})
	}
}
