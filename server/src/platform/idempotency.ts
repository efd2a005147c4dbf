// Idempotency-Key for retried writes (api-contract.md, "Shared rules"; the IETF draft and Stripe): a key is any
// 1–255 printable ASCII characters, compared exactly (a binary column, migration 0012), and
// scoped to the user and the endpoint. It is recorded in the same transaction as the write it guards, with a hash
// of the request (method, path and canonical JSON body) and the response. The same key and request again gets the
// first response and nothing else is done; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.
// A concurrent request with the same key waits on the unique index until the first commits, then gets the first
// response (or the 422); if the first rolled back, it does the work itself. So nothing is stuck "in progress"
// after a crash.
import { createHash } from 'node:crypto';
import { currentScope, runInScope } from './request-scope';
import {
  DataTypes,
  QueryTypes,
  UniqueConstraintError,
  type Model,
  type ModelStatic,
  type Optional,
  type Sequelize,
  type Transaction,
} from 'sequelize';
import { PlatformErrors } from '../kernel/errors';
import type { DbCapabilities } from './db/capabilities';
import { inTransaction } from './db/transaction';

interface KeyAttrs {
  id: number;
  userId: number;
  scope: string;
  idemKey: string;
  /** sha256 (hex) of the request the key was first used with; null for rows written before migration 0012 */
  requestHash: string | null;
  status: string;
  responseStatus: number | null;
  responseJson: string | null;
  createdAt: Date;
}
type KeyModel = ModelStatic<
  Model<KeyAttrs, Optional<KeyAttrs, 'id' | 'requestHash' | 'responseStatus' | 'responseJson' | 'createdAt'>>
>;

/** 1–255 printable ASCII characters (space to tilde). */
export const IDEMPOTENCY_KEY_FORMAT = /^[\x20-\x7e]{1,255}$/;

// ---- the request a key is used with ----

/**
 * JSON with object keys sorted at every level, so two bodies that mean the same (key order, whitespace) hash the
 * same; array order is kept. `undefined` (no body) is the empty string.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || Buffer.isBuffer(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** What a key is bound to: the method, the path (ids in it included) and the canonical body. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * Runs `fn` with a request's fingerprint available to `Idempotency.run` (the HTTP layer puts every request's in its
 * scope: http/request-context.ts). `fingerprint` is called lazily, when a use case asks for it.
 */
export function withRequestFingerprint<T>(fingerprint: () => string | undefined, fn: () => Promise<T>): Promise<T> {
  return runInScope({ ...currentScope(), fingerprint }, fn);
}

function currentFingerprint(): string | undefined {
  return currentScope()?.fingerprint?.();
}

// ---- the store ----

export interface IdempotencyOptions {
  /**
   * The request the key is bound to (`requestFingerprint(method, path, body)`). Defaults to the current HTTP
   * request's (see `withRequestFingerprint`); outside a request, none (the key alone decides).
   */
  fingerprint?: string;
}

export class Idempotency {
  private readonly Key: KeyModel;

  constructor(
    private readonly sequelize: Sequelize,
    private readonly db: DbCapabilities,
  ) {
    this.Key = sequelize.define(
      'IdempotencyKey',
      {
        id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
        userId: DataTypes.INTEGER,
        scope: DataTypes.STRING(64),
        idemKey: DataTypes.STRING(255),
        requestHash: DataTypes.STRING(64),
        status: DataTypes.STRING(16),
        responseStatus: DataTypes.INTEGER,
        responseJson: DataTypes.TEXT,
        createdAt: DataTypes.DATE(3),
      },
      { tableName: 'idempotency_keys', updatedAt: false },
    );
  }

  /**
   * Runs `work` in a transaction, once per (user, scope, key): a repeat of the same request answers the first
   * result without running `work`; the same key with another request is 422 IDEMPOTENCY_KEY_REUSED. Without a
   * key, just runs `work` in a transaction.
   */
  async run<T>(
    userId: number,
    scope: string,
    key: string | undefined,
    work: (t: Transaction) => Promise<T>,
    opts: IdempotencyOptions = {},
  ): Promise<T> {
    if (key !== undefined && !IDEMPOTENCY_KEY_FORMAT.test(key)) {
      throw PlatformErrors.IDEMPOTENCY_KEY_INVALID(undefined, 'Idempotency-Key 须为 1–255 个可打印 ASCII 字符');
    }
    const requestHash = key === undefined ? null : (opts.fingerprint ?? currentFingerprint() ?? null);
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.sequelize, this.db, async (t) => {
          // plain statements, not model instances: this runs on every order and group seat
          const sql = (text: string, replacements: unknown[]) =>
            this.sequelize.query(text, { replacements, transaction: t, type: QueryTypes.RAW });
          if (key)
            await sql(
              'INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
              [userId, scope, key, requestHash, 'pending', new Date()],
            );
          const result = await work(t);
          if (key)
            await sql(
              `UPDATE idempotency_keys SET status = 'done', response_status = 200, response_json = ?
                WHERE user_id = ? AND scope = ? AND idem_key = ?`,
              [JSON.stringify(result), userId, scope, key],
            );
          return result;
        });
      } catch (e) {
        if (!(e instanceof UniqueConstraintError) || !key || attempt >= 3) throw e;
        const done = await this.Key.findOne({ where: { userId, scope, idemKey: key } });
        if (done) {
          const firstHash = done.getDataValue('requestHash');
          if (firstHash && requestHash && firstHash !== requestHash) {
            throw PlatformErrors.IDEMPOTENCY_KEY_REUSED();
          }
          const json = done.getDataValue('responseJson');
          if (json !== null) return JSON.parse(json) as T;
        }
        // the first attempt rolled back between our insert and this read: try again
      }
    }
  }
}
