import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../src/store/client';
import { data } from '../../src/entities';
import { config } from '../../src/platform/config';

/**
 * Reads every item of this test file's table (a Scan: test code only, never a request path) and checks
 * each against its entity's own schema in the data layer: known entity, required attributes present,
 * each attribute of its declared type. Returns the problems found.
 */
type AttributeSchema = { type: string | readonly string[]; required?: boolean; properties?: Record<string, AttributeSchema>; items?: AttributeSchema };

function problemsOf(value: unknown, schema: AttributeSchema, path: string): string[] {
  if (value === undefined || value === null) return schema.required ? [`${path} is missing`] : [];
  const { type } = schema;
  if (Array.isArray(type)) return type.includes(value as string) ? [] : [`${path} is not one of ${type.join('/')}`];
  switch (type) {
    case 'string':
    case 'number':
    case 'boolean':
      return typeof value === type && !(type === 'number' && !Number.isFinite(value)) ? [] : [`${path} is not a ${type}`];
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path} is not a map`];
      return Object.entries(schema.properties ?? {}).flatMap(([key, inner]) => problemsOf((value as Record<string, unknown>)[key], inner, `${path}.${key}`));
    }
    case 'list':
      if (!Array.isArray(value)) return [`${path} is not a list`];
      return schema.items ? value.flatMap((item, index) => problemsOf(item, schema.items!, `${path}[${index}]`)) : [];
    default:
      return [];
  }
}

export async function auditTable(): Promise<{ items: number; problems: string[] }> {
  const entities = Object.values(data.entities) as unknown as Array<{ schema: { model: { entity: string }; attributes: Record<string, AttributeSchema & { field?: string }> } }>;
  const byName = new Map(entities.map((entity) => [entity.schema.model.entity, entity.schema]));
  const problems: string[] = [];
  let items = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(new ScanCommand({ TableName: config.tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      items += 1;
      const schema = byName.get(item.__edb_e__);
      if (!schema) {
        problems.push(`${item.pk}/${item.sk}: unknown entity ${item.__edb_e__}`);
        continue;
      }
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        problems.push(...problemsOf(item[attribute.field ?? name], attribute, `${schema.model.entity}(${item.pk}).${name}`));
      }
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, problems };
}
