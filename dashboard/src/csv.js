// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The lead's monthly batch as CSV: `account,pool,amount,reason`, one award a line; a header
// line and blank lines are skipped. Amounts are in the pools' unit (USD for a program paying PHA,
// the program's asset otherwise) with at most `decimals` decimals (12 for USD and PHA, 6 for
// USDT); the reason may contain commas.

import { decodeAddress } from '@polkadot/util-crypto';

/// Parses `source`, with amounts of `decimals` decimals; returns the rows and, for each line
/// that is not an award, why.
export function parseCsv(source, decimals = 12) {
  const unit = 10n ** BigInt(decimals);
  const pattern = new RegExp(`^(\\d+)(?:\\.(\\d{1,${decimals}}))?$`);
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
    const m = pattern.exec(amount ?? '');
    if (!m) {
      errors.push(`line ${line}: the amount "${amount}" is not an amount (at most ${decimals} decimals)`);
      return;
    }
    const value = BigInt(m[1]) * unit + BigInt((m[2] ?? '').padEnd(decimals, '0') || '0');
    rows.push({ line, account, pool: Number(pool), amount: value, reason });
  });
  return { rows, errors };
}
