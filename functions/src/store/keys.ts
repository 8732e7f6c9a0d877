import { config } from '../platform/config';
import { tableDefinition } from './table';
import { documentClient } from './client';

/**
 * The one place where keys are spelled. Every entity of the single table is declared with these
 * helpers: the service name that prefixes every key, the primary key and the two indexes of
 * {@link tableDefinition}. ElectroDB composes each key from the entity's name and its composite
 * attributes, so entities sharing a partition (an elder's profile, bindings and history) never collide.
 */
export const service = 'yilin';
export const table = config.tableName;
export const client = documentClient;

const [gsi1Index, gsi2Index] = tableDefinition.globalSecondaryIndexes;

/** How far a query reads: its first `limit` items, or every item, page after page. */
export const reach = (limit: number | 'all') => (limit === 'all' ? { pages: 'all' as const } : { limit });

export const primary = <const P extends readonly string[], const S extends readonly string[] = []>(pk: P, sk?: S) => ({
  pk: { field: tableDefinition.partitionKey, composite: pk },
  sk: { field: tableDefinition.sortKey, composite: (sk ?? []) as S },
}) as const;

export const gsi1 = <const P extends readonly string[], const S extends readonly string[]>(pk: P, sk: S) => ({
  index: gsi1Index.indexName,
  pk: { field: gsi1Index.partitionKey, composite: pk },
  sk: { field: gsi1Index.sortKey, composite: sk },
}) as const;

export const gsi2 = <const P extends readonly string[], const S extends readonly string[]>(pk: P, sk: S) => ({
  index: gsi2Index.indexName,
  pk: { field: gsi2Index.partitionKey, composite: pk },
  sk: { field: gsi2Index.sortKey, composite: sk },
}) as const;
