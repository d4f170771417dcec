// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The lead's monthly batch as CSV: `account,pool,amount,reason`, one award a line; a header
// line and blank lines are skipped. The file is read by Papa Parse (a maintained CSV parser), so
// quoted fields (`"1,000"`, a reason with commas or quotes) and the semicolon-separated exports of
// European spreadsheets (`5F…;1;1.000,50;reason`, with a decimal comma) read as they are meant.
// Amounts are in the pools' unit (USD for a program paying PHA, the program's asset otherwise)
// with at most `decimals` decimals (12 for USD and PHA, 6 for USDT).

import Papa from 'papaparse';
import { decodeAddress } from '@polkadot/util-crypto';

/// An amount as written in a file separated by `delimiter`: with `;`, `.` groups thousands and
/// `,` is the decimal mark (`1.000,50`); with `,`, commas group thousands (`"1,000.50"`).
function normalAmount(raw, delimiter) {
  const s = raw.replace(/[\s\u00a0']/g, '');
  if (delimiter === ';' && s.includes(',')) return s.replace(/\./g, '').replace(',', '.');
  return s.replace(/,/g, '');
}

/// Parses `source`, with amounts of `decimals` decimals; returns the rows and, for each line
/// that is not an award, why.
export function parseCsv(source, decimals = 12) {
  const unit = 10n ** BigInt(decimals);
  const pattern = new RegExp(`^(\\d+)(?:\\.(\\d{1,${decimals}}))?$`);
  const rows = [];
  const errors = [];
  const parsed = Papa.parse(source.replace(/^\uFEFF/, ''), { delimiter: '', delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
  const { delimiter } = parsed.meta;
  for (const e of parsed.errors) {
    if (e.code !== 'UndetectableDelimiter') errors.push(`line ${(e.row ?? 0) + 1}: ${e.message}`);
  }
  parsed.data.forEach((fields, i) => {
    const line = i + 1;
    const cells = fields.map((f) => String(f).trim());
    if (cells.every((c) => c === '') || /^account$/i.test(cells[0])) return;
    const [account, pool, amount] = cells;
    // A reason with the separator in it, unquoted, is the rest of the line, as written.
    const reason = fields.slice(3).join(delimiter || ',').trim();
    try {
      decodeAddress(account);
    } catch {
      errors.push(`line ${line}: "${account}" is not an account address`);
      return;
    }
    if (!/^\d+$/.test(pool ?? '')) {
      errors.push(`line ${line}: the pool "${pool ?? ''}" is not a pool number`);
      return;
    }
    const m = pattern.exec(normalAmount(amount ?? '', delimiter));
    if (!m) {
      errors.push(`line ${line}: the amount "${amount ?? ''}" is not an amount (at most ${decimals} decimals)`);
      return;
    }
    const value = BigInt(m[1]) * unit + BigInt((m[2] ?? '').padEnd(decimals, '0') || '0');
    rows.push({ line, account, pool: Number(pool), amount: value, reason });
  });
  return { rows, errors };
}
