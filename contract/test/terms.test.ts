import { dietaryNeedNames, dishTagNames } from '../src';

test('an elder’s dietary needs and the dishes’ tags use the same words', () => {
  expect(dishTagNames.low_salt).toBe(dietaryNeedNames.lowSalt);
  expect(dishTagNames.low_sugar).toBe(dietaryNeedNames.lowSugar);
});
