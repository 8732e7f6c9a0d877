import { ensureDemoCare } from './demo-care';
import { ensureDemoWishes } from './demo-wishes';
import { ensureDemoConsents } from './demo-consent';
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
import { Binding, Centre, Community, County, Elder, ElderIdentity, User, WechatIdentity } from '../features/people/entities';
import { config } from '../platform/config';
import { isoNow } from '../platform/clock';
import { tableDefinition, keyAttributeNames } from '../store/table';
import { createMenu } from '../features/canteen/data';
import { addDays, defaultTimes, instantOf, meals } from '../features/canteen/rules/canteen';
import { businessDate } from '../platform/clock';
import { demoBindings, demoCanteen, demoCentres, demoCommunities, demoCounty, demoDishes, demoElders, demoStaff, demoVolunteers, demoWorkerPhones } from './demo-data';
import { getVolunteer, Volunteer } from '../features/people/data/volunteers';
import { getStaffPost, StaffPost } from '../features/people/data/staff';

/**
 * The same definition CDK deploys, as a CreateTable request for DynamoDB Local. Tests that run no stream
 * consumer leave the change stream out (see functions/test/support/dynamodb-environment.ts).
 */
export function createTableInput(tableName: string, { stream = true } = {}): CreateTableCommandInput {
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
    ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } } : {}),
  };
}

export async function ensureTable(tableName = config.tableName, { stream = true } = {}): Promise<void> {
  try {
    const { Table } = await dynamoClient.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept from before the change stream existed gets it now.
    if (stream && !Table?.StreamSpecification?.StreamEnabled) {
      await dynamoClient.send(
        new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType } }),
      );
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await dynamoClient.send(new CreateTableCommand(createTableInput(tableName, { stream })));
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
  if (existing) {
    await ensureDemoVolunteers();
    await ensureDemoStaffPosts();
    await ensureDemoCare();
    await ensureDemoConsents();
    await ensureDemoWishes();
    return { seeded: false, menusCreated: (await ensureDemoMenus()).created };
  }
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
      ...(user.role === 'admin' ? { adminOf: demoCounty.countyId } : {}),
      ...(user.openid ? { openid: user.openid } : {}),
      createdAt: now,
    })),
  ).go();
  await WechatIdentity.put(
    demoStaff.flatMap((user) => (user.openid ? [{ openid: user.openid, userId: user.userId, createdAt: now }] : [])),
  ).go();
  await Elder.put(
    demoElders.map((elder) => ({
      elderId: elder.userId,
      name: elder.name,
      sex: elder.sex,
      livingSituation: elder.livingSituation,
      ability: elder.ability,
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
  // The county's name-and-birth-date entries, so registering a demo elder again is shown as a likely duplicate.
  await ElderIdentity.put(
    demoElders.map((elder) => ({ countyId: demoCounty.countyId, name: elder.name, birthDate: elder.birthDate, elderId: elder.userId, communityId: elder.communityId as string })),
  ).go();
  await Binding.put(demoBindings.map((binding) => ({ ...binding, boundAt: now }))).go();
  await ensureDemoVolunteers();
  await ensureDemoStaffPosts();
  await ensureDemoCare();
  await ensureDemoConsents();
  await ensureDemoWishes();
  await County.put(demoCounty).go();
  return { seeded: true, menusCreated: (await ensureDemoMenus()).created };
}

/**
 * Gives each demo volunteer their sign-up, confirmed by the community's worker where it is; data seeded
 * before volunteers had one (a kept `.local-data/`) gets them, and the account of the one added since.
 */
async function ensureDemoVolunteers(): Promise<void> {
  const now = isoNow();
  const worker = demoStaff.find((user) => user.userId === 'demo-worker-xueyuan')!;
  for (const { userId, phone, status, partyMember } of demoVolunteers) {
    if (await getVolunteer(userId)) continue;
    const user = demoStaff.find((demo) => demo.userId === userId)!;
    const community = demoCommunities.find((c) => c.communityId === user.communityId)!;
    const place = { communityId: community.communityId, centreId: community.centreId, countyId: community.countyId };
    await User.put({ userId, role: 'volunteer', name: user.name, ...place, createdAt: now }).go();
    const confirmed = status === 'confirmed' ? { confirmedByUserId: worker.userId, confirmedByName: worker.name, confirmedAt: now } : {};
    const marked = partyMember ? { partyMemberMarkedByUserId: worker.userId, partyMemberMarkedByName: worker.name, partyMemberMarkedAt: now } : {};
    await Volunteer.put({ userId, name: user.name, phone, ...place, status, partyMember, signedUpAt: now, ...confirmed, ...marked, updatedAt: now }).go();
  }
}

/** Puts the demo workers on the county's list of workers and staff (data seeded before the list gets them too). */
async function ensureDemoStaffPosts(): Promise<void> {
  const now = isoNow();
  for (const user of demoStaff.filter((demo) => demo.role === 'worker')) {
    if (await getStaffPost(user.userId)) continue;
    const community = demoCommunities.find((c) => c.communityId === user.communityId)!;
    await StaffPost.put({
      userId: user.userId, countyId: community.countyId, role: 'worker', name: user.name, phone: demoWorkerPhones[user.userId],
      communityId: community.communityId, centreId: community.centreId, status: 'active', createdAt: now, updatedAt: now,
    }).go();
  }
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
