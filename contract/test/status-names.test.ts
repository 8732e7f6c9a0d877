import { orderStatuses, statusNameOf } from '../src';

test('a delivery nobody opened the door for reads 未送达（家中无人）; every other status keeps its name', () => {
  expect(statusNameOf('no_show', 'delivery')).toBe('未送达（家中无人）');
  expect(statusNameOf('no_show', 'eat_in')).toBe('未到');
  expect(statusNameOf('no_show', 'pick_up')).toBe('未到');
  for (const status of orderStatuses.filter((s) => s !== 'no_show')) expect(statusNameOf(status, 'delivery')).toBe(statusNameOf(status, 'eat_in'));
});
