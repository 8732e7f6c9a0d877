/**
 * The one table of the application (single-table design). CDK builds the cloud table from this
 * definition and the local bootstrap creates DynamoDB Local's table from it, so the two cannot drift.
 * Both turn on the table's change stream, which drives the consumers locally and in the cloud.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Attribute holding an epoch-seconds expiry; DynamoDB deletes the item some time after it passes. */
  timeToLiveAttribute: 'expiresAt',
  /** The change stream that event consumers read: every change with the item before and after it. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;

export type TableDefinition = typeof tableDefinition;

/** Every key attribute is a string: ElectroDB composes keys as strings. */
export const keyAttributeNames = [
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
];
