import type { SettlementReport } from '@yilin/contract';
import { may, relationTo } from '../../access/policy';
import { businessDate } from '../../platform/clock';
import { badRequest, forbidden, notFound } from '../../platform/errors';
import type { Session } from '../../platform/session-token';
import { statementPeriod } from '../canteen/rules/statement';
import { centresOfCounty, getCounty } from '../people/data/org';
import { Figure } from './entities';
import { scopeOf } from './figures';
import { settlementRowOf, totalsOf } from './rules/settlement';

/**
 * The county's monthly settlement report, from each centre's month figures (one query per centre), so it
 * agrees to the fen with the statements the centres print from their orders.
 */
/** Centres read at once: a county of a thousand centres is read in waves, not a thousand queries together. */
const CENTRES_AT_ONCE = 16;

async function monthOfCentre(centreId: string, month: string) {
  const { data } = await Figure.query.byScope({ scope: scopeOf('centre', centreId) }).begins({ key: `m#${month}#` }).go({ pages: 'all' });
  return new Map(data.map((figure) => [figure.key, figure.value]));
}

export async function settlementReport(session: Session, countyId: string, month: string): Promise<SettlementReport> {
  if (!may('county.settle', relationTo(session, { countyId }, false))) throw forbidden('NOT_YOUR_COUNTY', '您只能查看本县的结算报表。');
  const today = businessDate();
  const period = statementPeriod(month, today);
  if (!period) throw badRequest('INVALID_INPUT', '月份格式应为 年-月，例如 2026-11。');
  const county = await getCounty(countyId);
  if (!county) throw notFound('COUNTY_NOT_FOUND', '没有找到这个县。');
  const centres = (await centresOfCounty(countyId)).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const rows = [];
  for (let start = 0; start < centres.length; start += CENTRES_AT_ONCE) {
    const wave = centres.slice(start, start + CENTRES_AT_ONCE);
    rows.push(...(await Promise.all(wave.map(async (centre) => settlementRowOf(centre.centreId, centre.name, month, await monthOfCentre(centre.centreId, month))))));
  }
  return {
    county: { kind: 'county', id: countyId, name: county.name },
    month,
    ...period,
    title: `${county.name} ${month} 居家养老服务补贴结算报表${period.complete ? '' : `（截至 ${period.asOf}）`}`,
    madeOn: today,
    rows,
    totals: totalsOf(rows),
  };
}
