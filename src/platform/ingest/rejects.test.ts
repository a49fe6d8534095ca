import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { tempFiles } from '../../../test/files.ts';
import { RejectsWriter } from './rejects.ts';

const files = tempFiles();

it('writes cells a spreadsheet would run as formulas as text, and leaves plain numbers as they are', async () => {
  const path = join(files.dir, 'rejects.csv');
  const writer = new RejectsWriter(path, ['reference', 'value', 'note'], ',');
  writer.add({ line: 2, within: null, data: ['=HYPERLINK("http://evil")', '-12.5', '@SUM(A1)'] } as never, [
    'bad',
  ]);
  writer.add({ line: 3, within: null, data: ['+212600000000', '-cmd|x', '\tx'] } as never, ['bad']);
  await writer.close();
  expect(readFileSync(path, 'utf8').trim().split('\n')).toEqual([
    'reference,value,note,vigie_line,vigie_errors',
    `"'=HYPERLINK(""http://evil"")",-12.5,"'@SUM(A1)",2,bad`,
    `+212600000000,"'-cmd|x","'\tx",3,bad`,
  ]);
});
