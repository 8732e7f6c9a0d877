import { httpHandler } from '../../../../platform/http';
import { StatementQuery } from '@yilin/contract';
import { monthlyStatement, statementAsCsv, statementTitle } from '../../statement';

/** RFC 5987 value for `filename*`: UTF-8, percent-encoded, including the characters encodeURIComponent keeps. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const handler = httpHandler('canteen/statement', { query: StatementQuery }, async ({ session, params, query }) => {
  const statement = await monthlyStatement(session, params.centreId, params.month);
  if (query.format !== 'csv') return { body: statement };
  // An ASCII name for old clients; the Chinese title (with 截至 while the month runs) for the rest.
  const asciiName = `statement-${statement.centreId}-${statement.month}.csv`;
  return {
    rawBody: statementAsCsv(statement),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${rfc5987(`${statementTitle(statement)}.csv`)}`,
    },
  };
});
