import { attachment, httpHandler } from '../../../../platform/http';
import { SettlementQuery } from '@yilin/contract';
import { settlementCsv } from '../../rules/settlement';
import { settlementReport } from '../../settlement';

export const handler = httpHandler('insights/settlement', { query: SettlementQuery }, async ({ session, params, query }) => {
  const report = await settlementReport(session, params.countyId, params.month);
  if (query.format !== 'csv') return { body: report };
  return {
    rawBody: settlementCsv(report),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`settlement-${params.countyId}-${report.month}.csv`, `${report.title}.csv`),
    },
  };
});
