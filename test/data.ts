/** The demo's deterministic data set, typed for tests. */
import { generateDataset } from '../demo/data/seed.js';
import type { Customer, Interaction } from '../src/model/types.js';

export const data = generateDataset();

/** A customer with every optional part present (the showcase customers are generated that way). */
export type FullCustomer = Customer &
  Required<Pick<Customer, 'emails' | 'phones' | 'company' | 'health' | 'orders' | 'products'>> & {
    health: Required<NonNullable<Customer['health']>>;
  };

export const ada = data.customers[0] as FullCustomer;
export const northwind = data.customers[1] as FullCustomer;
export const adaInteractions: Interaction[] = data.interactions[ada.id] ?? [];
