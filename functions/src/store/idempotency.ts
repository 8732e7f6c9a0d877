import { createHash } from 'node:crypto';
import { Entity } from 'electrodb';
import { conflict } from '../platform/errors';
import { client, primary, service, table } from './keys';
import type { Part } from './transactions';

/**
 * Idempotent retries, for every write a phone may retry. A request carries a key; the record of the
 * key is written in the same transaction as what the request creates, so a retry finds it and gets the
 * first answer, and two copies racing cannot both write. Keys live in the key space of whoever sends
 * them (a caller's own, or a server job's, which no client can write into), and the whole request is
 * fingerprinted: the same key with anything changed is a different request, answered 409.
 *
 * (Powertools' idempotency utility stores its record in a write of its own, beside the business write;
 * here the record must be part of the business transaction, so it is a part of {@link writeTogether}.)
 */
export const IdempotencyRecord = new Entity(
  {
    model: { entity: 'idempotency', version: '2', service },
    attributes: {
      scope: { type: 'string', required: true },
      key: { type: 'string', required: true },
      fingerprint: { type: 'string', required: true },
      /** What the first request created (an order id, a booking id …). */
      resultId: { type: 'string', required: true },
      expiresAt: { type: 'number', required: true },
    },
    indexes: { byKey: primary(['scope', 'key']) },
  },
  { table, client },
);

/** A week: a phone retries within minutes, a person within days. */
export const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;

export const callerKeySpace = (userId: string) => `caller#${userId}`;
export const jobKeySpace = (job: string) => `job#${job}`;

/** The fingerprint of a request: every field that matters, in a fixed order. */
export const fingerprintOf = (request: readonly unknown[]) => createHash('sha256').update(JSON.stringify(request)).digest('base64url');

export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
}

/** The claim of a request a caller sends under their own key: the request's fields fingerprinted in order. */
export const callerClaim = (userId: string, key: string, request: readonly unknown[]): IdempotencyClaim => ({
  scope: callerKeySpace(userId),
  key,
  fingerprint: fingerprintOf(request),
});

/** The transaction part that remembers the request; it fails if the key was already used. */
export const rememberRequest = (claim: IdempotencyClaim, resultId: string, nowSeconds: number): Part => ({ IdempotencyRecord: records }) =>
  records.create({ ...claim, resultId, expiresAt: nowSeconds + IDEMPOTENCY_TTL_SECONDS }).commit();

/**
 * What an earlier request under this key created, if there was one; the same key with another request
 * is refused (409 IDEMPOTENCY_KEY_REUSED).
 */
export async function earlierResult(claim: IdempotencyClaim): Promise<string | undefined> {
  const { data: record } = await IdempotencyRecord.get({ scope: claim.scope, key: claim.key }).go({ consistent: true });
  if (!record) return undefined;
  if (record.fingerprint !== claim.fingerprint) {
    throw conflict('IDEMPOTENCY_KEY_REUSED', '这个请求编号已用于另一次提交，请刷新后重新提交。');
  }
  return record.resultId;
}
