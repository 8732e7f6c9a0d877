import { demoDishes } from '../../src/local/demo-data';

test('the demo menus read like a real canteen’s: no notes in brackets in a name, seafood only where there is some', () => {
  for (let day = 0; day < 6; day++) {
    for (const meal of ['lunch', 'dinner'] as const) {
      for (const dish of demoDishes(meal, day)) {
        expect(dish.name).not.toMatch(/[（(]/);
        if (dish.tags.includes('contains_seafood')) expect(dish.name).toMatch(/鱼|虾|蟹|贝/);
      }
    }
  }
  expect(demoDishes('lunch', 2).find((dish) => dish.name === '鱼香肉丝')?.tags).not.toContain('contains_seafood');
});
