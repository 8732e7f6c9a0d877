import { attachment, httpHandler, XLSX_CONTENT_TYPE } from '../../../../platform/http';
import { dataCopyOf } from '../../data-copy';
import { dataCopyAsXlsx, dataCopyFileName } from '../../data-copy-xlsx';

/** The same copy as a workbook, to keep or forward. */
export const handler = httpHandler('rights/data-copy-xlsx', {}, async ({ session }) => {
  const copy = await dataCopyOf(session);
  return {
    binaryBody: await dataCopyAsXlsx(copy),
    headers: { 'content-type': XLSX_CONTENT_TYPE, 'content-disposition': attachment(`my-data-${copy.madeAt.slice(0, 10)}.xlsx`, dataCopyFileName(copy)) },
  };
});
