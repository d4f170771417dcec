// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// People, not addresses: the display name each account set in on-chain identity
// (`pallet-identity`; the demo runtime names the seed's people at genesis), always shown with
// the address beside it, since anyone can choose any name. Names are read in one request for
// every account a page shows, and kept for the session.

import { short, text } from './format.js';

const names = new Map();

/// `Name (5Grwva…utQY)`, or the short address alone for an account without an identity.
export const who = (account) => {
  const address = account.toString();
  const name = names.get(address);
  return name ? `${name} (${short(address)})` : short(address);
};

/// The display name in an `IdentityOf` value: a `Registration`, or (older runtimes) a tuple of
/// it and a username.
function displayOf(value) {
  if (!value || value.isNone) return null;
  const unwrapped = value.unwrap();
  const registration = unwrapped.info ? unwrapped : unwrapped[0];
  const display = registration?.info?.display;
  if (!display || !display.isRaw) return null;
  const name = text(display.asRaw).trim();
  return name || null;
}

/// Reads the identities of `accounts` not read yet, in one request. A chain without
/// `pallet-identity` shows addresses only.
export async function learnNames(api, accounts) {
  if (!api.query.identity?.identityOf) return;
  const fresh = [...new Set(accounts.map((a) => a.toString()))].filter((a) => a && !names.has(a));
  if (!fresh.length) return;
  const values = await api.query.identity.identityOf.multi(fresh);
  fresh.forEach((address, i) => names.set(address, displayOf(values[i]) ?? ''));
}

/// Every account named in the program history `events` (from the indexer).
export function accountsIn(events) {
  const out = [];
  for (const { event } of events) {
    for (const key of ['who', 'beneficiary', 'payee', 'lead', 'new', 'old']) {
      const v = event.data[key];
      if (typeof v === 'string' && v.length > 40 && !v.startsWith('0x')) out.push(v);
    }
  }
  return out;
}
