import { attachment, httpHandler } from '../../../../platform/http';
import { StatementQuery } from '@yilin/contract';
import { monthlyStatement, statementAsCsv, statementTitle } from '../../statement';

export const handler = httpHandler('canteen/statement', { query: StatementQuery }, async ({ session, params, query }) => {
  const statement = await monthlyStatement(session, params.centreId, params.month);
  if (query.format !== 'csv') return { body: statement };
  // The Chinese title (with 截至 while the month runs) as the file name.
  return {
    rawBody: statementAsCsv(statement),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`statement-${statement.centreId}-${statement.month}.csv`, `${statementTitle(statement)}.csv`),
    },
  };
});
