import { httpHandler } from '../../lib/http';
import { StatementQuery } from '../../schemas/canteen';
import { monthlyStatement, statementAsCsv } from '../../services/statement';

export const handler = httpHandler('canteen/statement', { query: StatementQuery }, async ({ session, params, query }) => {
  const statement = await monthlyStatement(session, params.centreId, params.month);
  if (query.format !== 'csv') return { body: statement };
  return {
    rawBody: statementAsCsv(statement),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="statement-${statement.centreId}-${statement.month}.csv"`,
    },
  };
});
