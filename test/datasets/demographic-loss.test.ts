import { describe, expect, test } from 'vitest';
import { load } from '../../src/index.js';
import { approximate, exact, row } from '../helpers.js';

describe('demographic-loss', () => {
  test('the births deficit and emigration', () => {
    // "The demographic losses due to a 335,000 reduction in the number of births and emigration
    //  of about 660,000 are not included with war casualties."
    expect(row('demographic-loss', { measure: 'births-deficit' })).toMatchObject(exact(335000));
    expect(row('demographic-loss', { measure: 'emigration' })).toMatchObject(approximate(660000));
    expect(load('demographic-loss').numRows()).toBe(2);
  });
});
