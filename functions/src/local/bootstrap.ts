import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { dynamoClient } from '../store/client';
import { Binding, Centre, Community, County, Elder, User } from '../features/people/entities';
import { config } from '../platform/config';
import { isoNow } from '../platform/clock';
import { tableDefinition, keyAttributeNames } from '../store/table';
import { createMenu } from '../features/canteen/data';
import { addDays, defaultTimes, instantOf, meals } from '../features/canteen/rules/canteen';
import { businessDate } from '../platform/clock';
import { demoBindings, demoCanteen, demoCentres, demoCommunities, demoCounty, demoDishes, demoElders, demoStaff } from './demo-data';

/** The same definition CDK deploys, as a CreateTable request for DynamoDB Local. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributeNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
  };
}

export async function ensureTable(tableName = config.tableName): Promise<void> {
  try {
    const { Table } = await dynamoClient.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept from before the change stream existed gets it now.
    if (!Table?.StreamSpecification?.StreamEnabled) {
      await dynamoClient.send(
        new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } }),
      );
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await dynamoClient.send(new CreateTableCommand(createTableInput(tableName)));
  await waitUntilTableExists({ client: dynamoClient, maxWaitTime: 30 }, { TableName: tableName });
  await dynamoClient.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
    }),
  );
}

/**
 * Seeds the demo organisation and accounts once (the county is written last and marks completion),
 * and on every run tops up the demo menus for the coming week.
 */
export async function seedDemoData(): Promise<{ seeded: boolean; menusCreated: number }> {
  const { data: existing } = await County.get({ countyId: demoCounty.countyId }).go();
  if (existing) return { seeded: false, menusCreated: (await ensureDemoMenus()).created };
  const now = isoNow();
  await Centre.put(demoCentres).go();
  await Community.put(demoCommunities).go();
  const centreOf = (communityId?: string) => demoCommunities.find((c) => c.communityId === communityId)?.centreId;
  await User.put(
    [...demoElders, ...demoStaff].map((user) => ({
      userId: user.userId,
      role: user.role,
      name: user.name,
      communityId: user.communityId,
      centreId: centreOf(user.communityId),
      countyId: demoCounty.countyId,
      createdAt: now,
    })),
  ).go();
  await Elder.put(
    demoElders.map((elder) => ({
      elderId: elder.userId,
      name: elder.name,
      sex: elder.sex,
      birthDate: elder.birthDate,
      phone: elder.phone,
      address: elder.address,
      communityId: elder.communityId as string,
      centreId: centreOf(elder.communityId) as string,
      subsidyCategoryRequested: elder.subsidyCategoryRequested,
      subsidyCategoryVerified: elder.subsidyCategoryVerified,
      mobilityLimited: elder.mobilityLimited,
      dietary: elder.dietary,
      emergencyContacts: elder.emergencyContacts,
      createdAt: now,
      updatedAt: now,
    })),
  ).go();
  await Binding.put(demoBindings.map((binding) => ({ ...binding, boundAt: now }))).go();
  await County.put(demoCounty).go();
  return { seeded: true, menusCreated: (await ensureDemoMenus()).created };
}

/**
 * Makes sure each demo centre has menus for today and the next six days, so the local canteen always
 * has something to order whenever `npm start` runs. Existing menus (and their orders) are kept.
 */
export async function ensureDemoMenus(days = 7): Promise<{ created: number }> {
  const today = businessDate();
  let created = 0;
  for (const centre of demoCentres) {
    for (let offset = 0; offset < days; offset++) {
      const date = addDays(today, offset);
      const dayIndex = Math.round(Date.parse(date) / 86_400_000);
      for (const meal of meals) {
        const times = defaultTimes[meal];
        const outcome = await createMenu({
          centreId: centre.centreId,
          date,
          meal,
          dishes: demoDishes(meal, dayIndex),
          ...demoCanteen,
          cutoffTime: times.cutoff,
          servingTime: times.serving,
          cutoffAt: instantOf(date, times.cutoff).toISOString(),
          servingAt: instantOf(date, times.serving).toISOString(),
          publishedBy: 'demo-worker-xueyuan',
          updatedAt: isoNow(),
        });
        if (outcome === 'created') created += 1;
      }
    }
  }
  return { created };
}
