import { Entity, type EntityItem } from 'electrodb';
import { client, gsi1, primary, service, table } from '../../store/keys';

/**
 * What supervision keeps, all written by the figures consumer (figures.ts), never by a request:
 *  - a place's figures, one counter item per place and key, the key naming its bucket and metric
 *    (rules/contributions.ts): a dashboard is a few queries of one partition, whatever the county's size;
 *  - each registered elder's last contact (a meal taken, a visit done, a wish), under the elder's centre by
 *    community, so a worker sees who lives alone and has not been seen for a week.
 */
export const Figure = new Entity(
  {
    model: { entity: 'figure', version: '1', service },
    attributes: {
      /** `community#<id>`, `centre#<id>` or `county#<id>`. */
      scope: { type: 'string', required: true },
      /** `<bucket>#<metric>`, e.g. `d#2026-11-30#meals.lunch.eat_in`, `m#2026-11#mealSubsidyFen`, `g#elders`. */
      key: { type: 'string', required: true },
      value: { type: 'number', required: true, default: 0 },
    },
    indexes: { byScope: primary(['scope'], ['key']) },
  },
  { table, client },
);
export type FigureItem = EntityItem<typeof Figure>;

export const ElderContact = new Entity(
  {
    model: { entity: 'elderContact', version: '1', service },
    attributes: {
      elderId: { type: 'string', required: true },
      /** Set from the register (absent until the consumer has seen the elder). */
      centreId: { type: 'string' },
      communityId: { type: 'string' },
      name: { type: 'string' },
      livingAlone: { type: 'boolean' },
      /** On the register (not died or moved away). */
      active: { type: 'boolean' },
      registeredOn: { type: 'string' },
      /** The latest day with a meal taken, a visit done or a wish; only ever moves later. */
      lastContact: { type: 'string' },
    },
    indexes: {
      byElder: primary(['elderId']),
      // Only elders living alone on the register are listed: the few a worker may need to knock on.
      aloneByCentre: { ...gsi1(['centreId'], ['communityId', 'elderId']), condition: (item) => item.livingAlone === true && item.active === true },
    },
  },
  { table, client },
);
export type ElderContactItem = EntityItem<typeof ElderContact>;
