// This file is part of community-bounty.
// SPDX-License-Identifier: Apache-2.0

// The indexer's database: SQLite through better-sqlite3. One row per finalized block indexed,
// one per event kept (the pallet's, and the council's on motions that wrap a pallet call), one
// per such motion. A block and its events are written in one transaction, keyed by the block's
// number, so that a block is never recorded twice and a crash leaves no half-written block.
//
// The schema is the stable interface of the history (the page, and any other indexer such as
// SQD or SubQuery that serves the same rows): `SCHEMA_VERSION` changes when it does.

import Database from 'better-sqlite3';

/// The version of the tables below; a database of another version is refused, not migrated.
export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
-- Every finalized block indexed, from genesis on, each the child of the one before it.
CREATE TABLE IF NOT EXISTS blocks (
  number INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  parent_hash TEXT NOT NULL,
  -- pallet-timestamp's Now at the block, in milliseconds (null before the first block sets it)
  timestamp INTEGER
);
-- The events kept: pallet CommunityBounty's, and pallet Council's on the motions below.
CREATE TABLE IF NOT EXISTS events (
  block INTEGER NOT NULL REFERENCES blocks(number),
  -- the event's position among its block's events
  event_index INTEGER NOT NULL,
  -- the extrinsic that emitted it, or null (initialization, finalization)
  extrinsic_index INTEGER,
  pallet TEXT NOT NULL,
  name TEXT NOT NULL,
  -- the program it concerns (the event's \`index\` field, or its motion's program), or null
  program INTEGER,
  -- its fields by their metadata names; integers wider than 2^53 as decimal strings
  args TEXT NOT NULL,
  PRIMARY KEY (block, event_index)
);
CREATE INDEX IF NOT EXISTS events_by_program ON events (program, block, event_index);
-- Council motions whose proposal is a call of pallet CommunityBounty.
CREATE TABLE IF NOT EXISTS motions (
  proposal_index INTEGER PRIMARY KEY,
  proposal_hash TEXT NOT NULL,
  block INTEGER NOT NULL REFERENCES blocks(number),
  proposer TEXT NOT NULL,
  threshold INTEGER NOT NULL,
  -- the call: its name (approve_program), the program, its arguments and its SCALE encoding
  call_name TEXT NOT NULL,
  program INTEGER,
  call_args TEXT NOT NULL,
  call_data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS motions_by_hash ON motions (proposal_hash);
CREATE INDEX IF NOT EXISTS motions_by_program ON motions (program);
`;

/// Opens (or creates) the database at `path` for the chain whose genesis hash is `genesis`.
/// Refuses a database of another chain or of another schema version.
export function openStore(path, genesis) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  const meta = (key) => db.prepare('SELECT value FROM meta WHERE key = ?').get(key)?.value;
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const version = meta('schema_version');
  if (version !== undefined && Number(version) !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`the database ${path} has schema version ${version}, this indexer writes ${SCHEMA_VERSION}`);
  }
  const known = meta('genesis');
  if (known !== undefined && known !== genesis) {
    db.close();
    throw new Error(`the database ${path} indexes the chain ${known}, not ${genesis}`);
  }
  setMeta.run('schema_version', String(SCHEMA_VERSION));
  setMeta.run('genesis', genesis);

  const insertBlock = db.prepare('INSERT INTO blocks (number, hash, parent_hash, timestamp) VALUES (@number, @hash, @parentHash, @timestamp)');
  const insertEvent = db.prepare(`INSERT INTO events (block, event_index, extrinsic_index, pallet, name, program, args)
    VALUES (@block, @eventIndex, @extrinsicIndex, @pallet, @name, @program, @args)`);
  const insertMotion = db.prepare(`INSERT INTO motions (proposal_index, proposal_hash, block, proposer, threshold, call_name, program, call_args, call_data)
    VALUES (@proposalIndex, @proposalHash, @block, @proposer, @threshold, @callName, @program, @callArgs, @callData)`);
  const last = db.prepare('SELECT number, hash FROM blocks ORDER BY number DESC LIMIT 1');
  const motionByHash = db.prepare('SELECT * FROM motions WHERE proposal_hash = ? ORDER BY proposal_index DESC LIMIT 1');

  /// Writes a block with its events and motions, all or nothing. The block must be the child of
  /// the last one written (genesis, number 0, on an empty database): anything else is an error,
  /// never a second record.
  const writeBlock = db.transaction((block, events, motions) => {
    const tip = last.get();
    if (!tip && block.number !== 0) throw new Error(`the first block indexed must be genesis, not #${block.number}`);
    if (tip && (block.parentHash !== tip.hash || block.number <= tip.number)) {
      throw new Error(`block #${block.number} (parent ${block.parentHash}) is not a child of #${tip.number} ${tip.hash}, the last one indexed`);
    }
    insertBlock.run(block);
    for (const m of motions) insertMotion.run({ ...m, block: block.number, callArgs: JSON.stringify(m.callArgs) });
    for (const e of events) insertEvent.run({ ...e, block: block.number, args: JSON.stringify(e.args) });
  });

  const eventRow = (row) => ({
    block: row.block,
    hash: row.hash,
    timestamp: row.timestamp,
    eventIndex: row.event_index,
    extrinsicIndex: row.extrinsic_index,
    pallet: row.pallet,
    name: row.name,
    program: row.program,
    args: JSON.parse(row.args),
  });
  const motionRow = (row) => ({
    proposalIndex: row.proposal_index,
    proposalHash: row.proposal_hash,
    block: row.block,
    proposer: row.proposer,
    threshold: row.threshold,
    callName: row.call_name,
    program: row.program,
    callArgs: JSON.parse(row.call_args),
    callData: row.call_data,
  });
  const eventsOf = db.prepare(`SELECT e.*, b.hash, b.timestamp FROM events e JOIN blocks b ON b.number = e.block
    WHERE e.program = ? ORDER BY e.block, e.event_index LIMIT ? OFFSET ?`);
  const allEvents = db.prepare(`SELECT e.*, b.hash, b.timestamp FROM events e JOIN blocks b ON b.number = e.block
    ORDER BY e.block, e.event_index LIMIT ? OFFSET ?`);
  const motionsOf = db.prepare('SELECT * FROM motions WHERE program = ? ORDER BY proposal_index');
  const allMotions = db.prepare('SELECT * FROM motions ORDER BY proposal_index');
  const eventCount = db.prepare('SELECT count(*) AS n FROM events');

  return {
    db,
    /// The last block indexed, `{ number, hash }`, or undefined before genesis is.
    last: () => last.get(),
    writeBlock,
    /// The motion whose proposal hash is `hash` (the latest, if a call was proposed twice).
    motionByHash: (hash) => { const row = motionByHash.get(hash); return row && motionRow(row); },
    /// Events, oldest first: of program `program` (or all if null), `limit` from `offset`.
    events: (program, limit = 10_000, offset = 0) => (program === null || program === undefined
      ? allEvents.all(limit, offset) : eventsOf.all(program, limit, offset)).map(eventRow),
    /// Motions on the pallet's calls: of program `program`, or all.
    motions: (program) => (program === null || program === undefined ? allMotions.all() : motionsOf.all(program)).map(motionRow),
    eventCount: () => eventCount.get().n,
    close: () => db.close(),
  };
}
