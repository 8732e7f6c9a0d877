import { attachment, httpHandler } from '../../../../platform/http';
import { monthlyStatement, statementTitle } from '../../statement';
import { statementAsXlsx, XLSX_CONTENT_TYPE } from '../../statement-xlsx';

/** The monthly statement as an xlsx workbook: the same use case and access check as the JSON and CSV. */
export const handler = httpHandler('canteen/statement-xlsx', {}, async ({ session, params }) => {
  const statement = await monthlyStatement(session, params.centreId, params.month);
  return {
    binaryBody: await statementAsXlsx(statement),
    headers: {
      'content-type': XLSX_CONTENT_TYPE,
      'content-disposition': attachment(`statement-${statement.centreId}-${statement.month}.xlsx`, `${statementTitle(statement)}.xlsx`),
    },
  };
});
