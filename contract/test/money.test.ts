import { fenOf, yuan, yuanInputOf } from '../src';

describe('yuan: fen shown as money a person reads', () => {
  test.each([
    [800, '¥8'],
    [0, '¥0'],
    [1, '¥0.01'],
    [1250, '¥12.50'],
    [1205, '¥12.05'],
    [123_400, '¥1,234'],
    [123_456_789, '¥1,234,567.89'],
  ])('%i fen is %s', (fen, text) => {
    expect(yuan(fen)).toBe(text);
  });
});

describe('fenOf: yuan typed into a price box', () => {
  test.each([
    ['15', 1500],
    ['12.5', 1250],
    [' 8.50 ', 850],
    ['0.07', 7],
    ['0', 0],
  ])('"%s" is %i fen', (text, fen) => {
    expect(fenOf(text)).toBe(fen);
  });

  test.each(['', '¥8', '-1', '1.234', '1,000', 'abc', '.5'])('"%s" is not a price', (text) => {
    expect(fenOf(text)).toBeNull();
  });

  test('a price written back into the box reads the same', () => {
    for (const fen of [0, 7, 850, 1000, 1250, 99_999]) expect(fenOf(yuanInputOf(fen))).toBe(fen);
  });
});
