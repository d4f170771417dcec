// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The lead's CSV batch as spreadsheets write it: quoted fields, thousands separators, the
// semicolon exports of European spreadsheets with a decimal comma, a byte-order mark.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../src/csv.js';

const A = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const B = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

test('quoted fields keep their commas: an amount with a thousands separator, a reason', () => {
  const { rows, errors } = parseCsv(`account,pool,amount_usd,reason\n${A},1,"1,000.5","Bot, for ""solo"" miners"\n\n${B},0,250,plain\n`, 12);
  assert.deepEqual(errors, []);
  assert.deepEqual(rows, [
    { line: 2, account: A, pool: 1, amount: 1_000_500_000_000_000n, reason: 'Bot, for "solo" miners' },
    { line: 4, account: B, pool: 0, amount: 250_000_000_000_000n, reason: 'plain' },
  ]);
});

test('a semicolon export with a decimal comma and a byte-order mark', () => {
  const { rows, errors } = parseCsv(`\uFEFFaccount;pool;amount;reason\r\n${A};1;1.000,50;Réseau, FR\r\n`, 6);
  assert.deepEqual(errors, []);
  assert.deepEqual(rows, [{ line: 2, account: A, pool: 1, amount: 1_000_500_000n, reason: 'Réseau, FR' }]);
});

test('an unquoted reason with commas is the rest of the line; bad lines say why', () => {
  const { rows, errors } = parseCsv(`${A},1,12,Mining tutorial, video\nbad,1,2,x\n${A},x,2,y\n${A},1,1.1234567,z\n`, 6);
  assert.deepEqual(rows, [{ line: 1, account: A, pool: 1, amount: 12_000_000n, reason: 'Mining tutorial, video' }]);
  assert.deepEqual(errors, [
    'line 2: "bad" is not an account address',
    'line 3: the pool "x" is not a pool number',
    'line 4: the amount "1.1234567" is not an amount (at most 6 decimals)',
  ]);
});
