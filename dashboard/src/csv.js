// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The lead's monthly batch as CSV: `account,pool,amount_usd,reason`, one award a line; a header
// line and blank lines are skipped. Amounts are in USD with at most 12 decimals (the pallet's
// unit for the USD asset); the reason may contain commas.

import { decodeAddress } from '@polkadot/util-crypto';

const UNIT = 10n ** 12n;

/// Parses `source`; returns the rows and, for each line that is not an award, why.
export function parseCsv(source) {
  const rows = [];
  const errors = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (!trimmed || /^account\s*,/i.test(trimmed)) return;
    const [account, pool, amount] = trimmed.split(',', 3).map((f) => f.trim());
    // The reason is the rest of the line, commas and all.
    const reason = trimmed.split(',').slice(3).join(',').trim();
    try {
      decodeAddress(account);
    } catch {
      errors.push(`line ${line}: "${account}" is not an account address`);
      return;
    }
    if (!/^\d+$/.test(pool ?? '')) {
      errors.push(`line ${line}: the pool "${pool}" is not a pool number`);
      return;
    }
    const m = /^(\d+)(?:\.(\d{1,12}))?$/.exec(amount ?? '');
    if (!m) {
      errors.push(`line ${line}: the amount "${amount}" is not an amount in USD`);
      return;
    }
    const amountUsd = BigInt(m[1]) * UNIT + BigInt((m[2] ?? '').padEnd(12, '0') || '0');
    rows.push({ line, account, pool: Number(pool), amountUsd, reason });
  });
  return { rows, errors };
}
