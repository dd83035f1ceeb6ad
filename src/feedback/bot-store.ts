/**
 * The bot's own small database (SQLite through node-sqlite3-wasm: no native build, real file, real
 * transactions): answer channels set from Discord, every question asked with its outcome, and votes.
 * Each write is one SQLite transaction, so a crash leaves the file as it was before or after it.
 * Voters are stored as a salted hash of their Discord id: "one vote per user" needs only equality.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'node-sqlite3-wasm';
import { VerbatimError } from '../errors.js';
import { normaliseQuestion } from './normalise.js';

export type Vote = 'up' | 'down';

export interface AskedRecord {
  /** The id of the message or interaction that asked: the key answer buttons carry. */
  key: string;
  question: string;
  status: 'answered' | 'not_found';
  confidence: number;
  via: string;
  guild: string | null;
  at?: number;
}

export interface VoteCounts {
  up: number;
  down: number;
}

export interface UnansweredRow {
  question: string;
  count: number;
  lastAsked: string;
}

export interface DownvotedRow {
  key: string;
  question: string;
  up: number;
  down: number;
  reasons: string[];
}

export interface FeedbackReport {
  unanswered: UnansweredRow[];
  downvoted: DownvotedRow[];
}

export interface AnswerRate {
  asked: number;
  answered: number;
}

/** One JSONL line of `verbatim feedback export`: asked questions and votes, for dev data. */
export type ExportRecord =
  | { kind: 'question'; key: string; question: string; status: string; confidence: number; via: string; at: string; up: number; down: number }
  | { kind: 'vote'; key: string; question: string | null; vote: Vote; reason: string | null; at: string };

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS answer_channels (
  guild TEXT NOT NULL, channel TEXT NOT NULL, added_at INTEGER NOT NULL, PRIMARY KEY (guild, channel));
CREATE TABLE IF NOT EXISTS asked (
  key TEXT PRIMARY KEY, question TEXT NOT NULL, normalised TEXT NOT NULL, status TEXT NOT NULL,
  confidence REAL NOT NULL, via TEXT NOT NULL, guild TEXT, at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS asked_at ON asked (at);
CREATE TABLE IF NOT EXISTS votes (
  key TEXT NOT NULL, voter TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('up', 'down')), reason TEXT,
  at INTEGER NOT NULL, PRIMARY KEY (key, voter));
`;

type Row = Record<string, number | string | null>;

export class BotStore {
  private readonly salt: string;

  private constructor(private readonly db: sqlite3.Database, readonly file: string) {
    this.salt = this.ensureSalt();
  }

  static open(file: string): BotStore {
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
      const db = new sqlite3.Database(file);
      db.exec('PRAGMA synchronous = FULL;');
      const version = Number((db.get('PRAGMA user_version') as Row | null)?.user_version ?? 0);
      if (version > SCHEMA_VERSION) {
        db.close();
        throw new VerbatimError('CONFIG_INVALID', `${file} was written by a newer verbatim (schema ${version}).`, { hint: 'Point BOT_DB at another file, or run the newer version.' });
      }
      db.exec(`BEGIN; ${SCHEMA} PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
      return new BotStore(db, file);
    } catch (error) {
      if (error instanceof VerbatimError) throw error;
      throw new VerbatimError('CONFIG_INVALID', `Could not open the bot database ${file}: ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'Set BOT_DB to a writable file path (its folder is created), or remove a damaged file.',
        cause: error,
      });
    }
  }

  private ensureSalt(): string {
    const found = this.db.get("SELECT value FROM meta WHERE name = 'voter_salt'") as Row | null;
    if (found !== null && typeof found.value === 'string') return found.value;
    const salt = randomBytes(16).toString('hex');
    this.db.run("INSERT OR IGNORE INTO meta (name, value) VALUES ('voter_salt', ?)", [salt]);
    return String((this.db.get("SELECT value FROM meta WHERE name = 'voter_salt'") as Row).value);
  }

  private voter(userId: string): string {
    return createHash('sha256').update(`${this.salt}:${userId}`).digest('hex').slice(0, 32);
  }

  // --- answer channels -------------------------------------------------------------------------

  /** True when the channel was added (false: it already was one). */
  addAnswerChannel(guild: string, channel: string): boolean {
    return this.db.run('INSERT OR IGNORE INTO answer_channels (guild, channel, added_at) VALUES (?, ?, ?)', [guild, channel, Date.now()]).changes > 0;
  }

  removeAnswerChannel(guild: string, channel: string): boolean {
    return this.db.run('DELETE FROM answer_channels WHERE guild = ? AND channel = ?', [guild, channel]).changes > 0;
  }

  answerChannels(guild?: string): string[] {
    const rows = (guild === undefined
      ? this.db.all('SELECT channel FROM answer_channels ORDER BY added_at')
      : this.db.all('SELECT channel FROM answer_channels WHERE guild = ? ORDER BY added_at', [guild])) as Row[];
    return rows.map((r) => String(r.channel));
  }

  // --- questions and votes ---------------------------------------------------------------------

  recordAsked(record: AskedRecord): void {
    this.db.run(
      `INSERT INTO asked (key, question, normalised, status, confidence, via, guild, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET question = excluded.question, normalised = excluded.normalised, status = excluded.status, confidence = excluded.confidence`,
      [record.key, record.question, normaliseQuestion(record.question), record.status, record.confidence, record.via, record.guild, record.at ?? Date.now()],
    );
  }

  /** Records (or changes) this user's vote on an answer; a second click of the same vote changes nothing. */
  recordVote(key: string, userId: string, vote: Vote): VoteCounts {
    this.db.run(
      `INSERT INTO votes (key, voter, vote, reason, at) VALUES (?, ?, ?, NULL, ?)
       ON CONFLICT (key, voter) DO UPDATE SET vote = excluded.vote, at = excluded.at,
         reason = CASE WHEN votes.vote = excluded.vote THEN votes.reason ELSE NULL END`,
      [key, this.voter(userId), vote, Date.now()],
    );
    return this.votes(key);
  }

  /** The user's "what was wrong?" text, kept with their vote on that answer. */
  recordReason(key: string, userId: string, reason: string): void {
    this.db.run(
      `INSERT INTO votes (key, voter, vote, reason, at) VALUES (?, ?, 'down', ?, ?)
       ON CONFLICT (key, voter) DO UPDATE SET vote = 'down', reason = excluded.reason, at = excluded.at`,
      [key, this.voter(userId), reason, Date.now()],
    );
  }

  votes(key: string): VoteCounts {
    const row = this.db.get(
      "SELECT COALESCE(SUM(vote = 'up'), 0) AS up, COALESCE(SUM(vote = 'down'), 0) AS down FROM votes WHERE key = ?",
      [key],
    ) as Row;
    return { up: Number(row.up), down: Number(row.down) };
  }

  voteOf(key: string, userId: string): Vote | null {
    const row = this.db.get('SELECT vote FROM votes WHERE key = ? AND voter = ?', [key, this.voter(userId)]) as Row | null;
    return row === null ? null : (row.vote as Vote);
  }

  /**
   * The most-asked questions the articles did not answer, and the answers voted down, most first. With
   * `guild`, only what was asked in that server (one server's admins never see another's questions).
   */
  report(options: { limit?: number; sinceMs?: number; guild?: string } = {}): FeedbackReport {
    const limit = options.limit ?? 10;
    const since = options.sinceMs ?? 0;
    const guild = options.guild ?? null;
    const unanswered = (this.db.all(
      `SELECT normalised, COUNT(*) AS count, MAX(at) AS last,
         (SELECT question FROM asked b WHERE b.normalised = a.normalised ORDER BY at DESC LIMIT 1) AS question
       FROM asked a WHERE status = 'not_found' AND via != 'find-sources' AND at >= ? AND (? IS NULL OR guild = ?)
       GROUP BY normalised ORDER BY count DESC, last DESC LIMIT ?`,
      [since, guild, guild, limit],
    ) as Row[]).map((r) => ({ question: String(r.question), count: Number(r.count), lastAsked: new Date(Number(r.last)).toISOString() }));
    const downvoted = (this.db.all(
      `SELECT v.key AS key, a.question AS question, SUM(v.vote = 'up') AS up, SUM(v.vote = 'down') AS down,
         json_group_array(v.reason) FILTER (WHERE v.reason IS NOT NULL AND v.vote = 'down') AS reasons
       FROM votes v LEFT JOIN asked a ON a.key = v.key WHERE v.at >= ? AND (? IS NULL OR a.guild = ?)
       GROUP BY v.key HAVING SUM(v.vote = 'down') > 0 ORDER BY down DESC, MAX(v.at) DESC LIMIT ?`,
      [since, guild, guild, limit],
    ) as Row[]).map((r) => ({
      key: String(r.key),
      question: r.question === null ? '(question not recorded)' : String(r.question),
      up: Number(r.up),
      down: Number(r.down),
      reasons: JSON.parse(String(r.reasons ?? '[]')) as string[],
    }));
    return { unanswered, downvoted };
  }

  answerRate(sinceMs: number, guild: string | null = null): AnswerRate {
    const row = this.db.get("SELECT COUNT(*) AS asked, COALESCE(SUM(status = 'answered'), 0) AS answered FROM asked WHERE at >= ? AND (? IS NULL OR guild = ?)", [sinceMs, guild, guild]) as Row;
    return { asked: Number(row.asked), answered: Number(row.answered) };
  }

  exportRecords(): ExportRecord[] {
    const questions = (this.db.all(
      `SELECT a.*, (SELECT COUNT(*) FROM votes v WHERE v.key = a.key AND v.vote = 'up') AS up,
         (SELECT COUNT(*) FROM votes v WHERE v.key = a.key AND v.vote = 'down') AS down FROM asked a ORDER BY at`,
    ) as Row[]).map((r): ExportRecord => ({
      kind: 'question', key: String(r.key), question: String(r.question), status: String(r.status), confidence: Number(r.confidence),
      via: String(r.via), at: new Date(Number(r.at)).toISOString(), up: Number(r.up), down: Number(r.down),
    }));
    const votes = (this.db.all('SELECT v.key, v.vote, v.reason, v.at, a.question FROM votes v LEFT JOIN asked a ON a.key = v.key ORDER BY v.at') as Row[]).map(
      (r): ExportRecord => ({ kind: 'vote', key: String(r.key), question: r.question === null ? null : String(r.question), vote: r.vote as Vote, reason: r.reason === null ? null : String(r.reason), at: new Date(Number(r.at)).toISOString() }),
    );
    return [...questions, ...votes];
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
