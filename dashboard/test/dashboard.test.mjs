// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The dashboard in a real browser (Debian's chromium, driven by playwright-core) against the
// demo runtime on chopsticks. The test drives a program to a settled round, an open round, a
// milestone approved below target and a report pending, then checks what the page shows against
// figures it derives itself from the scenario's data and the chain's storage; it uploads a CSV
// batch with one bad row (refused with its reason, nothing sent), then the good rows (sent, and
// in the history). Screenshots go to dashboard/screenshots/. Chopsticks, signing and council
// motions come from the harness the client test shares (harness/).
//
//   CHAIN_SPEC=path/to/chain-spec.json npm test --prefix dashboard

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/api';
import { freePort, startChopsticks, connect, sender, motion as council, loadSeed, view } from 'community-bounty-harness';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { serve, CSP } from '../server.mjs';
import { installExtension } from './extension.mjs';
import { launchChromium } from './browser.mjs';
import { pastTheChecks, scenarioData, seedScenario } from '../scenario.mjs';
// The indexer runs from its own package (npm ci --prefix indexer, as .ci/run does first).
import { startIndexer } from '../../indexer/index.mjs';

const here = new URL('..', import.meta.url).pathname;
const PHA = 10n ** 12n;
const USD = 10n ** 12n;
const DAY = 14_400;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

let chopsticks;
let api;
let keyring;
let browser;
let web;
let chainPort;
/// The indexer following chopsticks, which the page reads its history from.
let indexer;
/// How many empty blocks the history must outlive: more than the last 400 the page used to read.
/// Not more: chopsticks takes about 0.7 s for a block of the parachain runtime here (its relay
/// chain data and Aura), and the file has 15 minutes.
const HISTORY_BLOCKS = Number(process.env.HISTORY_BLOCKS ?? 500);
/// Resolves with the events of an extrinsic that succeeded, else throws the module error's name.
let send;

/// Proposal #14's spec and cast, from the runtime's `seed` module (runtime/seed/proposal-14.json).
const seed = loadSeed(join(here, '..', 'runtime', 'seed'));
/// The scenario's data, from the seed (scenario.mjs, which `npm run local` seeds too).
const { SENIORS, SCORES, HOSTILE, HOSTILE_EVIDENCE } = scenarioData(seed);
const [SENIOR_POOL, CONTRIBUTOR_POOL] = seed.spec.pools;
const SENIOR_CAP = BigInt(SENIOR_POOL.periodCap);
const CONTRIBUTOR_CAP = BigInt(CONTRIBUTOR_POOL.periodCap);
const RATE = 5n; // 2.5 PHA per USD, as the genesis preset sets it: x 5 / 2

before(async () => {
  const spec = process.env.CHAIN_SPEC;
  assert.ok(spec, 'CHAIN_SPEC names the raw chain spec to run');
  chopsticks = await startChopsticks({ chainSpec: spec, cwd: here });
  chainPort = chopsticks.port;
  api = await connect(chopsticks.endpoint);
  keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  ({ send } = sender(api));
  indexer = await startIndexer({ rpc: chopsticks.endpoint, db: join(mkdtempSync(join(tmpdir(), 'dashboard-')), 'history.sqlite') });
  web = await serve(0, { indexer: indexer.url });
  browser = await launchChromium(CHROMIUM);
});

after(async () => {
  await browser?.close();
  web?.close();
  await indexer?.stop();
  await api?.disconnect();
  await chopsticks?.stop();
});

const dev = (name) => keyring.addFromUri(seed.uri(name));
const has = (events, method) => events.find(({ event }) => event.section === 'communityBounty' && event.method === method);

/// A council motion: Alice, Bob and Charlie carry `call` 3 of 5 (the harness checks that it closed
/// and executed, and that the call succeeded). Returns the events of the close.
const motion = async (call) => (await council(api, send, call, { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) })).events;

/// `1,234.56` as the page writes an amount with 12 decimals.
const fmt = (v) => `${(v / PHA).toLocaleString('en-US')}.${((v % PHA) / (PHA / 100n)).toString().padStart(2, '0')}`;

let index;
const lead = () => keyring.addFromUri(seed.lead);

/// Drives the program to the state the page is checked in (scenario.mjs).
async function scenario() {
  ({ index } = await seedScenario({ api, send, seed, keyring, motion }));
}

/// Everyone of the seed (its cast, contributors, lead and council) as accounts of the test
/// wallet extension.
const walletPairs = () => [...new Set([...seed.cast, ...seed.contributors].map((p) => p.name)
  .concat(['Ferdie', 'Alice', 'Bob', 'Charlie', 'Dave', 'Eve']))]
  .map((name) => ({ name, pair: dev(name) }));

/// Opens the page at `path` in a browser with the test wallet extension, and picks `signer` (a
/// name of the seed; `null`: read only) in the page's account picker, as a person would. The page
/// is returned with `wallet.signed`, the payloads the extension signed.
async function open(path, signer = 'Ferdie', { width = 1280, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const wallet = await installExtension(page, api, walletPairs());
  const url = `http://127.0.0.1:${web.address().port}/?rpc=ws://127.0.0.1:${chainPort}${path}`;
  await page.goto(url);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  if (signer) await pick(page, signer);
  page.wallet = wallet;
  return page;
}

/// Picks `name`'s account of the test extension in the page's picker; waits for the page again.
async function pick(page, name, wallet = 'polkadot-js') {
  const before = Number(await page.getAttribute('body', 'data-rendered'));
  await page.selectOption('#account-picker', `${wallet}:${dev(name).address}`);
  await rerendered(page, before);
}

/// Waits until the chain's head is at least `number`.
async function waitForBlock(number) {
  for (let i = 0; i < 600; i += 1) {
    if ((await api.rpc.chain.getHeader()).number.toNumber() >= number) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no block #${number}`);
}

async function rerendered(page, before) {
  await page.waitForFunction((n) => Number(document.body.dataset.rendered) > n, before, { timeout: 120_000 });
}

test('the dashboard shows a program as the chain holds it, and the lead sends a checked CSV batch', async () => {
  await scenario();
  mkdirSync(join(here, 'screenshots'), { recursive: true });

  // The programs page: the budget bar, and the council's pending decision with its call data.
  const home = await open('#/');
  const program = (await api.query.communityBounty.programs(index)).unwrap();
  assert.equal(await home.textContent(`[data-program="${index}"] [data-figure="paid"]`), `${fmt(program.paid.toBigInt())} PHA`);
  const pendingCall = api.tx.communityBounty.approveMilestone(index, 1, 1, 45_500, null).method.toHex();
  assert.ok((await home.locator('code.calldata').allTextContents()).includes(pendingCall), 'the pending report, ready for a motion');
  await home.close();

  const page = await open(`#/program/${index}`);
  // The description: the hash of the text, as the chain stores it.
  const stored = (await api.query.communityBounty.programs(index)).unwrap().description.toHex();
  assert.equal(stored, api.registry.hash(new TextEncoder().encode(seed.text)).toHex());
  assert.equal(await page.textContent('#description code'), stored);
  // Milestones: from storage.
  for (const k of [0, 1]) {
    const report = (await api.query.communityBounty.reports(index, k)).unwrap();
    const row = page.locator(`tr[data-milestone="${k}"]`);
    assert.equal(await row.locator('.target').textContent(), String(seed.spec.milestones[k].target));
    assert.equal(await row.locator('.claimed').textContent(), report.claimed.toString());
    const figure = report.status.isApproved ? report.status.asApproved.figure : report.figure;
    assert.match(await row.locator('.figure').textContent(), new RegExp(`^${figure}`));
    assert.match(await row.locator('.decision').textContent(), k === 0 ? /^approved below target, next tranche cut by 6,000.00 PHA/ : /^pending \(attempt 1\)/);
  }
  // Tranche 2 (milestone 1's approval released it, less the cut) from the storage's release:
  // what was paid, not what was planned.
  const stored2 = (await api.query.communityBounty.programs(index)).unwrap();
  const released = stored2.released.toBigInt();
  const tranche0 = stored2.milestones[0].tranche.toBigInt();
  const [tranche1, tranche2] = seed.spec.milestones.map((m) => BigInt(m.tranche));
  assert.equal(released, tranche1 + tranche2 - 6_000n * PHA);
  assert.match(await page.textContent('tr[data-milestone="1"] .tranche'), new RegExp(`^${fmt(released - tranche0)} PHA paid`));
  // Still to come: the planned tranches no decision has released yet (none: the cut is gone for
  // good), not the budget less what was released.
  const decided = stored2.milestonesApproved.toNumber() + 1;
  const toCome = stored2.milestones.slice(decided).reduce((n, m) => n + m.tranche.toBigInt(), 0n);
  assert.equal(await page.textContent('[data-figure="tocome"]'), `${fmt(toCome)} PHA`);
  // Month 1's active members, derived from the scenario's scores: the milestone's figure.
  const active = Object.values(SCORES[0]).filter((s) => s >= 40).length;
  assert.match(await page.locator('tr[data-milestone="0"] .figure').textContent(), new RegExp(`^${active} `));

  // The pools: caps from the spec; what the direct pool spent from storage (nothing yet).
  assert.equal(await page.textContent('[data-pool="0"] .cap'), `$${fmt(SENIOR_CAP)}`);
  assert.equal(await page.textContent('[data-pool="1"] .cap'), `$${fmt(CONTRIBUTOR_CAP)}`);
  assert.equal(await page.textContent('[data-pool="1"] .remaining-native'), `${fmt(CONTRIBUTOR_CAP * RATE / 2n)} PHA`);

  // Each pool's rate, dated by the council's motion: when it was set, and until when it pays.
  const setAt = (await api.query.datedRates.setAt(seed.rate.usdAsset)).unwrap().toNumber();
  const freshUntil = setAt + api.consts.communityBounty.maxRateAge.toNumber();
  for (const pool of [0, 1]) {
    const rate = page.locator(`[data-pool="${pool}"] .rate`);
    assert.equal(await rate.getAttribute('data-set-at'), String(setAt));
    assert.match(await rate.textContent(), new RegExp(`^Rate set at #${setAt} .*fresh until #${freshUntil}`));
  }

  // The open round (month 2): scores, and the pay each would get now, shared by score.
  const eligible = Object.entries(SCORES[1]).filter(([, s]) => s >= 40);
  const total = eligible.reduce((n, [, s]) => n + BigInt(s), 0n);
  for (const [name, score] of Object.entries(SCORES[1])) {
    const row = page.locator(`.round[data-period="1"] tr[data-who="${dev(name).address}"]`);
    assert.equal(await row.locator('.score').textContent(), String(score));
    const pay = score >= 40 ? `$${fmt(SENIOR_CAP * BigInt(score) / total)}` : 'nothing (not eligible, or under the threshold)';
    assert.ok((await row.locator('.pay').textContent()).startsWith(pay), `${name}'s pay`);
  }
  // Evidence is text, and a link only for https: script in it runs nothing.
  const hostile = page.locator(`.round[data-period="1"] tr[data-who="${dev(HOSTILE).address}"] td:nth-child(3)`);
  assert.equal(await hostile.textContent(), HOSTILE_EVIDENCE);
  assert.equal(await hostile.locator('a').count(), 0, 'javascript: evidence is not a link');
  // Clicked where a link would be: nothing runs.
  const link = hostile.locator('a');
  await ((await link.count()) ? link.click() : hostile.click());
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the evidence ran script');
  const honest = page.locator(`.round[data-period="1"] tr[data-who="${dev(SENIORS[0].name).address}"] td:nth-child(3) a`);
  assert.match(await honest.getAttribute('href'), /^https:\/\/github\.com\//);
  // The roster by region, from the scenario's data.
  for (const s of SENIORS) {
    assert.match(await page.textContent(`.region[data-region="${s.region}"]`), new RegExp(`\\(${1 + s.crew.length}\\)`));
  }
  // People by name: their on-chain identity (the demo runtime names the seed's people at
  // genesis), with the address beside it. Read independently: the identity from storage.
  const shortOf = (address) => `${address.slice(0, 6)}…${address.slice(-4)}`;
  const named = async (address) => (await api.query.identity.identityOf(address)).unwrap().info.display.asRaw.toUtf8();
  assert.equal(await named(lead().address), seed.leadName);
  assert.ok((await page.textContent('main')).includes(`Lead ${seed.leadName} (${shortOf(lead().address)})`), 'the lead by name');
  const [named1] = SENIORS;
  assert.equal(await named(dev(named1.name).address), named1.name);
  assert.ok((await page.textContent(`.region[data-region="${named1.region}"]`)).includes(`${named1.name} (${shortOf(dev(named1.name).address)})`), 'a senior by name');
  assert.match(await page.textContent('.round[data-period="0"]'), new RegExp(`Settled at block #\\d+: ${SENIORS.filter((s) => SCORES[0][s.name] >= 40).length} paid`));
  // The payment history: month 1's round, as the scores share the cap among eligible seniors.
  const paidSeniors = SENIORS.filter((s) => SCORES[0][s.name] >= 40);
  const sum = paidSeniors.reduce((n, s) => n + BigInt(SCORES[0][s.name]), 0n);
  const history = await page.locator('#history tr.payment').allTextContents();
  for (const s of paidSeniors) {
    const usd = SENIOR_CAP * BigInt(SCORES[0][s.name]) / sum;
    assert.ok(history.some((h) => h.includes(`$${fmt(usd)}`) && h.includes(`${fmt(usd * RATE / 2n)} PHA`)), `${s.name} paid ${fmt(usd)}`);
  }
  await page.screenshot({ path: join(here, 'screenshots', 'program.png'), fullPage: true });
  await page.locator('.round[data-period="1"]').screenshot({ path: join(here, 'screenshots', 'round.png') });

  // A CSV batch with one bad row (above the member cap): refused with its reason, nothing sent.
  const [eve, dave, charlie] = ['Eve', 'Dave', 'Charlie'].map((n) => dev(n).address);
  const good = `account,pool,amount_usd,reason\n${eve},1,500,Telegram bot\n${dave},1,250.5,Mining tutorial, video\n`;
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await page.setInputFiles('#csv-file', { name: 'batch.csv', mimeType: 'text/csv', buffer: Buffer.from(`${good}${charlie},1,1001,Too much\n`) });
  await page.click('#csv-check');
  await page.waitForSelector('#csv-refused');
  assert.match(await page.textContent('tr.csv-row[data-line="4"] .verdict'), /refused: MemberCapExceeded/);
  assert.match(await page.textContent('tr.csv-row[data-line="2"] .verdict'), new RegExp(`ok: ${fmt(500n * USD * RATE / 2n)} PHA`));
  assert.equal(await page.locator('#csv-send').count(), 0, 'no send button while a row is refused');
  assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), head, 'nothing was sent');
  await page.screenshot({ path: join(here, 'screenshots', 'batch.png'), fullPage: true });

  // The good rows, pasted this time: checked, sent, and in the history.
  await page.setInputFiles('#csv-file', []);
  await page.fill('#csv-text', good);
  await page.click('#csv-check');
  await page.waitForSelector('#csv-send');
  const before = Number(await page.getAttribute('body', 'data-rendered'));
  // A second click once the first batch is in a block sends nothing more.
  const sentAt = (await api.rpc.chain.getHeader()).number.toNumber();
  await page.click('#csv-send');
  // Disabled from the click on (or gone, once the page showed what was paid).
  const button = page.locator('#csv-send');
  if (await button.count()) assert.ok(await button.isDisabled(), 'the send button is disabled once clicked');
  await waitForBlock(sentAt + 1);
  await page.click('#csv-send', { force: true, timeout: 2_000 }).catch(() => {});
  await rerendered(page, before);
  // Whatever a second click sent has reached a block by now.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (let i = 0; i < 100 && (await api.rpc.author.pendingExtrinsics()).length; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // The message says what was paid: $750.50 at 2.5 PHA a dollar.
  assert.match((await page.locator('#messages .message.ok').allTextContents()).join(' '), new RegExp(`Sent 2 awards in 1 batch\\(es\\): 2 paid, ${fmt((750n * USD + USD / 2n) * RATE / 2n)} PHA in all`));
  const sent = await page.locator('#history tr.payment').allTextContents();
  assert.ok(sent.some((h) => h.includes('$500.00') && h.includes('Telegram bot')), 'the first row is in the history');
  assert.ok(sent.some((h) => h.includes('$250.50') && h.includes('Mining tutorial, video')), `the second row is in the history: ${sent.join(' | ')}`);
  const eveRecord = await api.query.communityBounty.memberSpending(index, [1, eve]);
  assert.equal(eveRecord.unwrap().spent.toBigInt(), 500n * USD, 'the batch was paid once');
  assert.equal(sent.filter((h) => h.includes('Telegram bot')).length, 1, 'one payment in the history');

  // A double click on "Score month 2" signs once: one block (build-block-mode Instant makes a
  // block for each transaction), and the round holds the new score.
  const scoring = page.locator('.score-button[data-period="1"]');
  const first = page.locator('.round[data-period="1"] .score-input').first();
  const rescored = await first.getAttribute('data-who');
  await first.fill('90');
  const scoredAt = (await api.rpc.chain.getHeader()).number.toNumber();
  const rendered = Number(await page.getAttribute('body', 'data-rendered'));
  await scoring.dblclick();
  await rerendered(page, rendered);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), scoredAt + 1, 'a double click signed once');
  const round = (await api.query.communityBounty.rounds(index, 1)).unwrap();
  const filer = round.filers.find((f) => f.who.toString() === rescored);
  assert.equal(filer.score.unwrap().toNumber(), 90, 'the new score is on chain');

  // At a phone's width (390 px) the page is looked at too.
  await page.setViewportSize({ width: 390, height: 900 });
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `the page fits a phone's width: ${wide} px`);
  await page.screenshot({ path: join(here, 'screenshots', 'program-390.png'), fullPage: true });
  await page.close();
});

test('a score out of range is refused in words before anything is signed, and the message stays', async () => {
  const page = await open(`#/program/${index}`);
  const input = page.locator('.round[data-period="1"] .score-input').first();
  assert.match(await input.getAttribute('aria-label'), /New score for .* \(0 to 100\)/);
  await input.fill('300');
  const at = (await api.rpc.chain.getHeader()).number.toNumber();
  await page.click('.score-button[data-period="1"]');
  const message = page.locator('#messages .message.error');
  await message.waitFor({ timeout: 10_000 });
  assert.match(await message.textContent(), /A score is a whole number from 0 to 100; .* has 300\. Nothing was sent\./);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  assert.equal((await api.rpc.chain.getHeader()).number.toNumber(), at, 'nothing was signed');
  // The message stays through a render, until dismissed.
  const rendered = Number(await page.getAttribute('body', 'data-rendered'));
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  await rerendered(page, rendered);
  assert.equal(await page.locator('#messages .message.error').count(), 1, 'the message outlives a render');
  await page.click('#messages .message.error .dismiss');
  assert.equal(await page.locator('#messages .message').count(), 0, 'dismissed');
  await page.close();
});

test('errors a person can act on: an unknown program, an unreachable chain', async () => {
  const missing = await open('#/program/99', null);
  assert.match(await missing.textContent('.error'), /There is no program #99/);
  await missing.close();
  const page = await browser.newPage();
  const dead = await freePort();
  await page.goto(`http://127.0.0.1:${web.address().port}/?rpc=ws://127.0.0.1:${dead}#/`);
  await page.waitForSelector('body[data-rendered]', { timeout: 60_000 });
  assert.match(await page.textContent('.error'), /cannot be reached/);
  await page.close();
});

test('a stale rate is shown as stale, with what the council must do', async () => {
  const setAt = (await api.query.datedRates.setAt(seed.rate.usdAsset)).unwrap().toNumber();
  const freshUntil = setAt + api.consts.communityBounty.maxRateAge.toNumber();
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: freshUntil + 1 });
  const page = await open(`#/program/${index}`);
  for (const pool of [0, 1]) {
    const rate = page.locator(`[data-pool="${pool}"] .rate.stale`);
    assert.match(await rate.textContent(), /^Rate STALE: set at #\d+.*until the council sets it again/);
  }
  // The open round still lists its entries and their scores, and says why no pay is shown.
  assert.match(await page.textContent('.round[data-period="1"] .unpriced'), /refused \(RateStale: /);
  assert.ok(await page.locator('.round[data-period="1"] tr[data-who] .score').count() > 0);
  await page.close();
});

test('a failed payment is listed with its retry window, and retried from the page', async () => {
  // The page signed as the lead in the tests before: nonces are read afresh.
  const { send: post } = sender(api);
  // A 1 PHA round: a member scored 1 against another's 100 earns less than an account needs.
  const spec = {
    ...seed.spec,
    title: 'A 1 PHA round',
    description: api.registry.hash(new TextEncoder().encode('A round that pays less than an account needs to exist.')).toHex(),
    pools: [{ ...SENIOR_POOL, denomination: 'Native', periodCap: PHA, memberCap: null, payout: { Scored: { threshold: 0, split: 'Proportional' } } }],
    minCrew: 0,
    panel: null,
  };
  const proposed = await post(lead(), api.tx.communityBounty.proposeProgram(spec));
  const small = has(proposed, 'ProgramProposed').event.data.index.toNumber();
  await council(api, post, api.tx.communityBounty.approveProgram(small), { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) });
  const [big, member] = [dev('Alice'), keyring.addFromUri('//OneTimeMember')];
  await post(dev('Alice'), api.tx.balances.transferKeepAlive(member.address, PHA));
  for (const m of [big, member]) await post(lead(), api.tx.communityBounty.addMember(small, m.address, 'SeniorAmbassador', 'English', null));
  for (const m of [big, member]) await post(m, api.tx.communityBounty.fileReport(small, 0, 'https://forum.phala.network/t/report', null));
  await post(member, api.tx.balances.transferAll(dev('Alice').address, false));
  await post(lead(), api.tx.communityBounty.scoreRound(small, 0, [[big.address, 100], [member.address, 1]]));
  const approvedAt = (await api.query.communityBounty.programs(small)).unwrap().status.asActive.approvedAt.toNumber();
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: approvedAt + 35 * DAY });
  await post(lead(), api.tx.communityBounty.finalizeRound(small, 0));
  await pastTheChecks(api);
  await council(api, post, api.tx.datedRates.update(seed.rate.usdAsset, seed.rate.phaPerUsd), { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) });
  while ((await api.query.communityBounty.rounds(small, 0)).isSome) await post(dev('Eve'), api.tx.communityBounty.settleRound(small, 0));

  const page = await open(`#/program/${small}`);
  const row = page.locator('#open-payments tr.open-payment.failed');
  assert.equal(await row.count(), 1);
  assert.match(await row.locator('.state').textContent(), /^failed at #\d+; its money waits in the program until #\d+ \(10\.0 days left\), then a close returns it$/);
  assert.equal(await row.locator('.native').textContent(), '0.0099 PHA', 'an amount under a cent never reads as nothing');
  // The member opens its account again; anyone retries from the page, once.
  await post(dev('Alice'), api.tx.balances.transferKeepAlive(member.address, PHA / 100n));
  const rendered = Number(await page.getAttribute('body', 'data-rendered'));
  await page.click('#open-payments .payment-retry');
  await page.waitForFunction((n) => Number(document.body.dataset.rendered) > n, rendered, { timeout: 120_000 });
  assert.match(await page.textContent('#open-payments'), /None: every payment was made\./);
  assert.equal((await api.query.system.account(member.address)).data.free.toBigInt(), PHA / 100n + PHA / 101n);
  await page.close();
});

test('a panel\'s reviewer scores from the page; the page shows each proposal, every review and the median', async () => {
  const { send: post } = sender(api);
  const [dave, charlie] = [dev('Dave'), dev('Charlie')];
  const spec = {
    ...seed.spec,
    title: 'Scored by a panel',
    description: api.registry.hash(new TextEncoder().encode('Three reviewers score; the median counts.')).toHex(),
    pools: [SENIOR_POOL],
    minCrew: 0,
    panel: { reviewers: [lead().address, dave.address, charlie.address], quorum: 2 },
  };
  const proposed = await post(lead(), api.tx.communityBounty.proposeProgram(spec));
  const panelled = has(proposed, 'ProgramProposed').event.data.index.toNumber();
  await council(api, post, api.tx.communityBounty.approveProgram(panelled), { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) });
  const members = [SENIORS[0].name, SENIORS[1].name].map(dev);
  for (const m of members) await post(lead(), api.tx.communityBounty.addMember(panelled, m.address, 'SeniorAmbassador', 'English', null));
  await post(members[0], api.tx.communityBounty.fileReport(panelled, 0, 'https://github.com/Phala-Network/growth-program/issues/90', 90));
  await post(members[1], api.tx.communityBounty.fileReport(panelled, 0, 'https://github.com/Phala-Network/growth-program/issues/70', 70));
  await post(dave, api.tx.communityBounty.reviewRound(panelled, 0, [[members[0].address, 100], [members[1].address, 50]]));

  // Someone off the panel sees the reviews, and nothing to score with.
  const reader = await open(`#/program/${panelled}`, 'Eve');
  assert.match(await reader.textContent('#panel'), /Scored by a panel: .*median of its reviews, once 2 of them scored it/);
  assert.equal(await reader.locator('.round[data-period="0"] .score-input').count(), 0);
  const row = (page, m) => page.locator(`.round[data-period="0"] tr[data-who="${m.address}"]`);
  assert.equal((await row(reader, members[0]).locator('.proposed').textContent()).trim(), '90');
  assert.match(await row(reader, members[0]).locator('.score').textContent(), /^none \(1 of 2 reviews needed: pays nothing\)$/);
  await reader.close();

  // Charlie, a reviewer, scores both from the page: each entry now has its median.
  const page = await open(`#/program/${panelled}`, 'Charlie');
  assert.match(await page.textContent('.round[data-period="0"] thead'), /my score/);
  await page.fill(`.round[data-period="0"] .score-input[data-who="${members[0].address}"]`, '55');
  await page.fill(`.round[data-period="0"] .score-input[data-who="${members[1].address}"]`, '50');
  await act(page, '.score-button[data-period="0"]');
  const scores = (await api.query.communityBounty.rounds(panelled, 0)).unwrap().filers.map((f) => [f.who.toString(), f.score.unwrap().toNumber()]);
  // 100 and 55: their mean, rounded down; 50 and 50: 50.
  assert.deepEqual(scores, [[members[0].address, 77], [members[1].address, 50]]);
  assert.match(await row(page, members[0]).locator('.score').textContent(), /^77 \(median of 2\)$/);
  const reviews = await row(page, members[0]).locator('.reviews').textContent();
  assert.match(reviews, /: 100, .*: 55$/);
  // Charlie's own score is what the form shows now.
  assert.equal(await page.inputValue(`.round[data-period="0"] .score-input[data-who="${members[0].address}"]`), '55');
  await page.close();
});

test('a program paying USDT shows its asset, its budget and its payments in USDT', async () => {
  const { send: post } = sender(api);
  const USDT = 1984;
  const UNIT = 10n ** 6n;
  const spec = {
    ...seed.spec,
    title: 'Contributors in USDT',
    description: api.registry.hash(new TextEncoder().encode('Proposal #14\'s contributors, paid in USDT.')).toHex(),
    asset: { Asset: USDT },
    budget: 4_000n * UNIT,
    milestones: [{ ...seed.spec.milestones[1], tranche: 4_000n * UNIT }],
    pools: [{ eligibility: 'Contributors', denomination: { Asset: USDT }, periodCap: 2_000n * UNIT, memberCap: 1_000n * UNIT, payout: 'Direct' }],
    maxSeniors: null,
    minCrew: 0,
    panel: null,
  };
  const proposed = await post(lead(), api.tx.communityBounty.proposeProgram(spec));
  const index = has(proposed, 'ProgramProposed').event.data.index.toNumber();
  const ayes = { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) };
  // The council dates the PHA/USDT rate its limit needs, then approves.
  await council(api, post, api.tx.datedRates.update(USDT, 2_500_000n * 10n ** 18n), ayes);
  await council(api, post, api.tx.communityBounty.approveProgram(index), ayes);
  await post(lead(), api.tx.communityBounty.award(index, 0, dev('Dave').address, 750n * UNIT, 'workshop'));

  const list = await open('#/');
  const card = list.locator(`article.card[data-program="${index}"]`);
  assert.equal(await card.locator('.asset').textContent(), 'USDT');
  assert.equal(await card.locator('.budget').textContent(), '4,000.00 USDT');
  await list.close();
  const page = await open(`#/program/${index}`);
  assert.equal(await page.textContent('#asset'), 'USDT');
  assert.equal(await page.textContent('[data-figure="paid"]'), '750.00 USDT');
  assert.equal(await page.textContent('[data-pool="0"] .spent'), '750.00 USDT', 'a cap in USDT reads in USDT');
  assert.equal(await page.locator('[data-pool="0"] .remaining-native').count(), 0, 'no conversion: the cap is in the asset paid');
  assert.equal(await page.locator('[data-pool="0"] .rate').count(), 0, 'no rate note: none is needed');
  await page.close();
});

/// Clicks `selector` in `page` and waits until the page has rendered again (the action is in a
/// block and its message is shown).
async function act(page, selector, { dbl = false } = {}) {
  const before = Number(await page.getAttribute('body', 'data-rendered'));
  const failed = await page.locator('#messages .message.error').count();
  if (dbl) await page.dblclick(selector);
  else await page.click(selector);
  // Rendered again (done), or an error shown (refused: the button is given back).
  await page.waitForFunction(([n, f]) => Number(document.body.dataset.rendered) > n
    || document.querySelectorAll('#messages .message.error').length > f, [before, failed], { timeout: 120_000 });
  const errors = await page.locator('#messages .message.error').allTextContents();
  assert.deepEqual(errors, [], `no error after ${selector}`);
}

/// The metadata hash a Ledger checks (RFC-0078), computed here independently of the page.
async function metadataHash() {
  const opaque = await api.call.metadata.metadataAtVersion(15);
  const digest = merkleizeMetadata(opaque.unwrap().toU8a(true), { decimals: 12, tokenSymbol: 'PHA' }).digest();
  return `0x${Buffer.from(digest).toString('hex')}`;
}

test('every role acts from the page: the council passes a motion, the lead keeps the roster, members file, the lead scores and finalizes, a member appeals and the council upholds, anyone settles', async () => {
  // The lead proposes a small program (100 PHA a month, one scored pool) outside the page.
  const { send: post } = sender(api);
  const spec = {
    ...seed.spec,
    title: 'Run from the page',
    description: api.registry.hash(new TextEncoder().encode('Every role acts from the page.')).toHex(),
    pools: [{ ...SENIOR_POOL, denomination: 'Native', periodCap: 100n * PHA, memberCap: null, payout: { Scored: { threshold: 0, split: 'Proportional' } } }],
    minCrew: 0,
    panel: null,
  };
  const proposed = await post(lead(), api.tx.communityBounty.proposeProgram(spec));
  const run = has(proposed, 'ProgramProposed').event.data.index.toNumber();
  const hash = await metadataHash();

  // The council: the full spec is on the page; Alice proposes the motion, Bob and Charlie vote
  // aye with her, Charlie closes it. Each signs through the wallet extension, with the metadata hash.
  const alice = await open(`#/program/${run}`, 'Alice');
  assert.match(await alice.textContent('#spec .spec-bond'), /PHA \(held from the lead; slashed if the council rejects\)/);
  const record = (await api.query.communityBounty.programs(run)).unwrap();
  assert.match(await alice.textContent('#spec .spec-duration'), new RegExp(`^${record.duration} blocks`));
  assert.match(await alice.textContent('#spec .spec-pools'), /cap 100\.00 PHA a month/);
  await act(alice, `#council tr.pending[data-decision="program-${run}"] .propose-approve`);
  const motionRow = alice.locator('#council tr.motion');
  assert.equal(await motionRow.count(), 1, 'the motion is listed');
  assert.match(await motionRow.locator('.tally').textContent(), /^0 aye, 0 nay of 3 needed \(5 councillors\)$/);
  const signedByAlice = alice.wallet.signed.at(-1);
  await act(alice, '#council tr.motion .vote-aye');
  assert.match(await alice.textContent('#council tr.motion .tally'), /^1 aye, 0 nay of 3 needed/);
  assert.equal(signedByAlice.mode, 1, 'signed in metadata-hash mode, as a Ledger needs');
  assert.equal(signedByAlice.metadataHash, hash, "the payload carries the runtime's metadata hash");
  await alice.close();
  for (const name of ['Bob', 'Charlie']) {
    const councillor = await open(`#/program/${run}`, name);
    await act(councillor, '#council tr.motion .vote-aye');
    if (name === 'Charlie') {
      assert.match(await councillor.textContent('#council tr.motion .tally'), /^3 aye, 0 nay of 3 needed/);
      await act(councillor, '#council tr.motion .motion-close');
      assert.match((await councillor.locator('#messages .message.ok').allTextContents()).join(' '), /passed and communityBounty\.approveProgram/);
    }
    await councillor.close();
  }
  const approved = (await api.query.communityBounty.programs(run)).unwrap();
  assert.ok(approved.status.isActive, 'the council approved the program through the page');

  // The lead adds two seniors through the page's roster form.
  const members = [SENIORS[0].name, SENIORS[1].name];
  const leadPage = await open(`#/program/${run}`, 'Ferdie');
  for (const name of members) {
    await leadPage.fill('#add-member input[name="who"]', dev(name).address);
    await leadPage.selectOption('#add-member select[name="role"]', 'SeniorAmbassador');
    await leadPage.fill('#add-member input[name="region"]', seed.member(name).region);
    await act(leadPage, '#add-member button');
  }
  assert.equal((await api.call.communityBountyApi.program(run)).unwrap().rosterCount.toNumber(), 2);
  await leadPage.close();

  // Each member files this month's report through the page; the second proposes 80 for it.
  for (const name of members) {
    const page = await open(`#/program/${run}`, name);
    await page.fill('#file-report input[name="evidence"]', `https://github.com/Phala-Network/growth-program/issues/${name.length}00`);
    if (name === members[1]) await page.fill('#file-report input[name="proposed"]', '80');
    await act(page, '#file-report button');
    await page.close();
  }
  const filed = (await api.query.communityBounty.rounds(run, 0)).unwrap();
  assert.deepEqual(filed.filers.map((f) => f.who.toString()).sort(), members.map((n) => dev(n).address).sort(), 'both reports are on chain');

  // The lead scores them (80 and 20) and, once filing is over, finalizes the month.
  const scorer = await open(`#/program/${run}`, 'Ferdie');
  await scorer.fill(`.round[data-period="0"] .score-input[data-who="${dev(members[0]).address}"]`, '80');
  await scorer.fill(`.round[data-period="0"] .score-input[data-who="${dev(members[1]).address}"]`, '20');
  await act(scorer, '.score-button[data-period="0"]');
  // Filing is over: the lead may finalize before the scoring window ends by itself.
  const { filingDeadline } = (await view(api, 'round', run, 0)).asOk.toJSON();
  await api.rpc('dev_newBlock', { count: 1, unsafeBlockHeight: filingDeadline });
  await scorer.reload();
  await scorer.waitForSelector('body[data-rendered]');
  await act(scorer, '.finalize-button[data-period="0"]');
  assert.ok((await view(api, 'round', run, 0)).asOk.isFinal.isTrue, 'the lead finalized the month through the page');
  // The round is final: the page gives its appeal and veto windows, and no settle button yet.
  assert.match(await scorer.textContent('.checks-windows[data-period="0"]'), /Appeals: until block #\d+ \(.+ left\); 0 open\. Veto window: .* until block #\d+ \(.+ left\)\. It settles from block #\d+/);
  assert.equal(await scorer.locator('.settle-button').count(), 0, 'no settle button in the windows');
  await scorer.close();

  // The second member, scored 20 where they proposed 80, appeals from the page with a deposit
  // held; the council sees the appeal with its call data, and upholds it by motion.
  const appellant = dev(members[1]);
  const { send: funder } = sender(api);
  await funder(dev('Alice'), api.tx.balances.transferKeepAlive(appellant.address, 20n * PHA));
  const deposit = api.consts.communityBounty.appealDeposit.toBigInt();
  const held = async () => (await api.query.system.account(appellant.address)).data.reserved.toBigInt();
  const heldBefore = await held();
  const appealing = await open(`#/program/${run}`, members[1]);
  assert.equal(await appealing.locator(`tr[data-who="${dev(members[0]).address}"] .appeal-button`).count(), 0, 'no appeal button on another member\'s entry');
  await act(appealing, `.round[data-period="0"] tr[data-who="${appellant.address}"] .appeal-button`);
  assert.equal(await held() - heldBefore, deposit, 'the appeal deposit is held');
  assert.match(await appealing.textContent(`tr[data-who="${appellant.address}"] .appeal`), /appealed: 10\.00 PHA held, the council decides/);
  assert.match(await appealing.textContent('.checks-windows[data-period="0"]'), /; 1 open\./);
  await appealing.locator('.round[data-period="0"]').screenshot({ path: join(here, 'screenshots', 'appeal.png') });
  await appealing.close();
  const councillorPage = await open(`#/program/${run}`, 'Alice');
  const decision = councillorPage.locator(`#council tr.pending[data-decision="appeal-${run}-0-${appellant.address}"]`);
  assert.match(await decision.textContent(), /appeals their score in month 1: 20, where they proposed 80/);
  assert.equal(await decision.locator('.motion-score').inputValue(), '80', 'upholding sets the proposal by default');
  await councillorPage.locator('#council').screenshot({ path: join(here, 'screenshots', 'appeal-council.png') });
  const upholdData = await decision.locator('code.calldata').textContent();
  await councillorPage.close();
  const uphold = api.tx(api.createType('Call', upholdData));
  assert.equal(`${uphold.method.section}.${uphold.method.method}`, 'communityBounty.upholdAppeal');
  const { send: voter } = sender(api);
  await council(api, voter, uphold, { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) });
  assert.equal(await held(), heldBefore, 'the upheld appeal\'s deposit is returned');
  const upheld = await open(`#/program/${run}`, members[1]);
  assert.match(await upheld.textContent(`tr[data-who="${appellant.address}"] .score`), /^80appeal upheld by the council/);
  await upheld.close();

  // What the round pays each member, read through the view function outside the page.
  const due = new Map((await view(api, 'round', run, 0)).asOk.toJSON().entries.map((e) => [e.who, BigInt(e.payment.native)]));
  // 80 and the upheld 80 share the 100 PHA cap equally.
  assert.equal(due.get(dev(members[0]).address), 50n * PHA);
  assert.equal(due.get(dev(members[1]).address), 50n * PHA);
  const balance = async (name) => (await api.query.system.account(dev(name).address)).data.free.toBigInt();
  const before = new Map(await Promise.all(members.map(async (n) => [n, await balance(n)])));
  // Past the appeal and veto windows, Eve settles, with a double click: the round is paid
  // once, page by page.
  await pastTheChecks(api);
  // The page signed for the council in this test: nonces are read afresh.
  const { send: fresh } = sender(api);
  await council(api, fresh, api.tx.datedRates.update(seed.rate.usdAsset, seed.rate.phaPerUsd), { threshold: 3, ayes: ['Alice', 'Bob', 'Charlie'].map(dev) });
  const settler = await open(`#/program/${run}`, 'Eve');
  await act(settler, '.settle-button[data-period="0"]', { dbl: true });
  assert.match((await settler.locator('#messages .message.ok').allTextContents()).join(' '), /Month 1 settled in \d+ page\(s\): 2 paid, 0 skipped/);
  await settler.close();
  for (const name of members) {
    assert.equal(await balance(name) - before.get(name), due.get(dev(name).address), `${name} is paid once, what the chain said`);
  }

  // My account: what I filed, my score (the council's, on appeal) and what I was paid; the
  // CSV export says the same.
  const mine = await open(`#/program/${run}`, members[1]);
  const month = await mine.textContent('#my-account tr[data-period="0"]');
  assert.match(month, /issues\/\d+00/);
  assert.equal(await mine.textContent('#my-account tr[data-period="0"] .my-score'), '80 (proposed 80)');
  assert.match(await mine.textContent('#my-account tr[data-period="0"] .my-paid'), /^50\.00 PHA/);
  const [download] = await Promise.all([mine.waitForEvent('download'), mine.click('#my-account .export-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(csv.length, 2, 'a header and my one payment');
  assert.equal(csv[1].split(',')[6], '50', 'the export gives the exact amount paid');
  await mine.close();
});

test('the account picker lists every injected wallet and, on a dev chain, the dev keys; a key in the URL is ignored', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await installExtension(page, api, [{ name: 'Ferdie', pair: dev('Ferdie') }], 'polkadot-js');
  await installExtension(page, api, [{ name: 'Alice on Talisman', pair: dev('Alice') }], 'talisman');
  await installExtension(page, api, [{ name: 'Bob on SubWallet', pair: dev('Bob') }], 'subwallet-js');
  // An old link that named a dev key: the page signs with nothing until a person picks.
  await page.goto(`http://127.0.0.1:${web.address().port}/?rpc=ws://127.0.0.1:${chainPort}&signer=//Alice&account=${dev('Alice').address}#/program/${index}`);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  assert.equal(await page.inputValue('#account-picker'), '', 'read only: no account from the URL');
  const options = await page.locator('#account-picker option').allTextContents();
  for (const wallet of ['polkadot.js', 'Talisman', 'SubWallet']) assert.ok(options.some((o) => o.endsWith(wallet)), `${wallet} is listed: ${options}`);
  assert.equal(options.filter((o) => o.endsWith('dev key')).length, 6, 'the six dev keys, on this development chain');
  // The choice is kept in this browser: a reload signs as the same account.
  await pick(page, 'Alice', 'talisman');
  await page.reload();
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  assert.equal(await page.inputValue('#account-picker'), `talisman:${dev('Alice').address}`);
  await page.close();
});

test('a program page loads within its budget, passes an accessibility check, and fits a phone', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await installExtension(page, api, walletPairs());
  let requests = 0;
  let metadataCalls = 0;
  page.on('request', () => { requests += 1; });
  page.on('websocket', (ws) => ws.on('framesent', (frame) => {
    requests += 1;
    if (String(frame.payload).includes('Metadata_metadata')) metadataCalls += 1;
  }));
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${web.address().port}/?rpc=ws://127.0.0.1:${chainPort}#/program/${index}`);
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  const loaded = Date.now() - started;
  const marks = async () => page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`).join(', '));
  console.log(`program page, first visit: ${requests} requests (HTTP and JSON-RPC), rendered in ${loaded} ms (${await marks()})`);
  assert.ok(requests < 50, `a program page loads in fewer than 50 requests: ${requests}`);
  assert.equal(metadataCalls, 0, 'a first visit takes the metadata from the indexer, not from the node');
  // Again, as a person coming back: the metadata is kept in the browser.
  requests = 0;
  const again = Date.now();
  await page.reload();
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  console.log(`program page, again: ${requests} requests, rendered in ${Date.now() - again} ms (${await marks()})`);
  assert.ok(requests < 50, `a program page loads again in fewer than 50 requests: ${requests}`);
  // The time is reported (chopsticks runs the runtime in wasm for each call, slower than a node).
  // axe-core on the page as each role sees it: read only, the lead (roster, milestone, score and
  // CSV forms), a councillor (the motion forms of the pending milestone).
  const axe = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const as of [null, 'Ferdie', 'Alice']) {
    if (as) await pick(page, as);
    await page.evaluate(axe);
    const results = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), [], `no serious accessibility violation (${as ?? 'read only'})`);
  }
  assert.ok(await page.locator('#lead, #council .propose').count() > 0);
  await page.screenshot({ path: join(here, 'screenshots', 'program.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 900 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'the page fits 390 px');
  // As a councillor at a phone's width, the council's table folds: a decision's call data and
  // hash lie under it, each within the screen, none cut off in a scrolled column.
  const folded = page.locator('table.folding tbody tr').first();
  assert.ok(await folded.count(), 'a decision or a motion for the council');
  const cells = await folded.locator('td').evaluateAll((tds) => tds.map((td) => { const r = td.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, right: r.right, width: r.width }; }));
  for (let i = 1; i < cells.length; i += 1) assert.ok(cells[i].top >= cells[i - 1].bottom - 1, `cell ${i} lies under cell ${i - 1}`);
  for (const c of cells) assert.ok(c.right <= 390 && c.width > 200, `a cell within the screen, of a readable width: ${JSON.stringify(c)}`);
  await page.screenshot({ path: join(here, 'screenshots', 'program-390.png'), fullPage: true });
  await page.close();
});

test(`the history outlives ${HISTORY_BLOCKS} empty blocks, and the page runs under a policy that forbids inline script`, async () => {
  const page = await open(`#/program/${index}`);
  const read = async () => ({
    payments: (await page.locator('#history tr.payment').allTextContents()).sort(),
    timeline: await page.textContent('#history .timeline'),
    milestone: await page.textContent('tr[data-milestone="0"]'),
  });
  const before = await read();
  assert.ok(before.payments.length > 0, 'payments to keep');
  assert.match(before.timeline, /RoundSettled/);
  assert.match(before.milestone, /cut by/);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  // The blocks, then the indexer catches up; the page, reloaded, shows the same history.
  const started = Date.now();
  // In batches of 25, so that no request waits long for chopsticks on a busy machine (a batch of 100
  // took close to the client's 60 s timeout).
  for (let left = HISTORY_BLOCKS; left > 0; left -= 25) await api.rpc('dev_newBlock', { count: Math.min(25, left) });
  const head = (await api.rpc.chain.getHeader()).number.toNumber();
  await indexer.indexer.synced(head);
  console.log(`${HISTORY_BLOCKS} blocks made and indexed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const response = await page.reload();
  await page.waitForSelector('body[data-rendered]', { timeout: 120_000 });
  assert.deepEqual(await read(), before, `the same history after ${HISTORY_BLOCKS} blocks`);
  assert.match(await page.textContent('#indexed'), new RegExp(`indexed to block #${head}`));
  // The policy: the page's own scripts only, no inline script, no eval; nothing was refused.
  const policy = response.headers()['content-security-policy'];
  assert.equal(policy, CSP);
  const scripts = policy.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.ok(scripts && !scripts.includes("'unsafe-inline'") && !scripts.includes("'unsafe-eval'"), scripts);
  assert.deepEqual(violations, [], 'the page itself breaks no rule of its policy');
  const inline = await page.evaluate(() => {
    const tag = document.createElement('script');
    tag.textContent = 'window.__inline = 1';
    document.body.appendChild(tag);
    return window.__inline === 1;
  });
  assert.equal(inline, false, 'an inline script does not run');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.close();
});
