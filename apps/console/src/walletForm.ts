import type { ConsoleWalletTypeFieldsFragment, DefineWalletInput, WalletKind } from '../sdk/graphql.js';
import { GraphRequestError } from './graph.js';

// The wallet form's text fields, what to fix before sending, and the graph's refusals put back on
// the field they name. Pure: no React, so each rule can be read on its own.

export interface WalletForm {
  code: string;
  kind: WalletKind;
  name: string;
  currency: string;
  stampsPerPurchase: string;
  /** STAMPS: major units (2.50), sent as minor units. */
  minPurchase: string;
  stampsPerCard: string;
  cardRewardPoints: string;
  /** CASHBACK: a percent (2.5), sent as basis points (250). */
  cashbackPercent: string;
  pendingDays: string;
  expiryDays: string;
  maxHouseholdMembers: string;
  active: boolean;
}

export type WalletField = Exclude<keyof WalletForm, 'active'>;
export type WalletProblems = Partial<Record<WalletField, string>>;
export type WalletProblem = 'required' | 'code' | 'currency' | 'wholeNumber' | 'atLeastOne' | 'amount' | 'percent';

export function emptyWalletForm(kind: WalletKind = 'CASHBACK'): WalletForm {
  return {
    code: '',
    kind,
    name: '',
    currency: '',
    stampsPerPurchase: '1',
    minPurchase: '0',
    stampsPerCard: '10',
    cardRewardPoints: '',
    cashbackPercent: '',
    pendingDays: '0',
    expiryDays: '',
    maxHouseholdMembers: '0',
    active: true,
  };
}

/** The minor units of a currency (2 for GBP, 0 for JPY), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** The code a wallet gets from its name ("Coffee card" → "COFFEE_CARD"), as the graph takes it. */
export function walletCodeFromName(name: string): string {
  return name
    .trim()
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^[^A-Z]+|_$/g, '')
    .slice(0, 32);
}

const whole = (text: string) => /^\d+$/.test(text.trim());
const decimal = (text: string) => Number(text.trim().replace(',', '.'));

/** What to fix before sending, by field (only the fields the kind uses). */
export function walletFormProblems(form: WalletForm): Partial<Record<WalletField, WalletProblem>> {
  const problems: Partial<Record<WalletField, WalletProblem>> = {};
  if (!/^[A-Z][A-Z0-9_]{1,31}$/.test(form.code.trim()) || form.code.trim() === 'POINTS') problems.code = 'code';
  if (!form.name.trim()) problems.name = 'required';
  const positive = (field: WalletField) => {
    if (!whole(form[field] as string) || Number(form[field]) < 1) problems[field] = 'atLeastOne';
  };
  const wholeOrEmpty = (field: WalletField) => {
    if ((form[field] as string).trim() && !whole(form[field] as string)) problems[field] = 'wholeNumber';
  };
  if (form.kind === 'STAMPS') {
    positive('stampsPerPurchase');
    positive('stampsPerCard');
    if (!whole(form.cardRewardPoints)) problems.cardRewardPoints = 'wholeNumber';
    const minimum = decimal(form.minPurchase || '0');
    if (!Number.isFinite(minimum) || minimum < 0) problems.minPurchase = 'amount';
  } else {
    if (!/^[A-Z]{3}$/.test(form.currency.trim().toUpperCase())) problems.currency = 'currency';
  }
  if (form.kind === 'CASHBACK') {
    const percent = decimal(form.cashbackPercent);
    const basisPoints = Math.round(percent * 100);
    if (!form.cashbackPercent.trim() || !Number.isFinite(percent) || basisPoints < 1 || basisPoints > 10_000)
      problems.cashbackPercent = 'percent';
  }
  if (!whole(form.pendingDays)) problems.pendingDays = 'wholeNumber';
  wholeOrEmpty('expiryDays');
  if (form.expiryDays.trim() && Number(form.expiryDays) < 1) problems.expiryDays = 'atLeastOne';
  if (!whole(form.maxHouseholdMembers)) problems.maxHouseholdMembers = 'wholeNumber';
  return problems;
}

/** The form as the graph's DefineWalletInput: money in minor units, the percent in basis points. */
export function walletInput(form: WalletForm): DefineWalletInput {
  const stamps = form.kind === 'STAMPS';
  const currency = stamps ? null : form.currency.trim().toUpperCase();
  return {
    code: form.code.trim(),
    kind: form.kind,
    name: form.name.trim(),
    currency,
    stampsPerPurchase: stamps ? Number(form.stampsPerPurchase) : null,
    // A stamp card's minimum is a purchase's cash part in any currency's minor units; read as the
    // common two digits.
    minPurchaseAmount: stamps ? Math.round(decimal(form.minPurchase || '0') * 100) : 0,
    stampsPerCard: stamps ? Number(form.stampsPerCard) : null,
    cardRewardPoints: stamps ? Number(form.cardRewardPoints) : null,
    cashbackBasisPoints: form.kind === 'CASHBACK' ? Math.round(decimal(form.cashbackPercent) * 100) : null,
    pendingDays: Number(form.pendingDays),
    expiryDays: form.expiryDays.trim() ? Number(form.expiryDays) : null,
    maxHouseholdMembers: Number(form.maxHouseholdMembers),
    active: form.active,
  };
}

/** A saved wallet back in the form, to edit it. */
export function walletForm(type: ConsoleWalletTypeFieldsFragment): WalletForm {
  const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
  return {
    code: type.code,
    kind: type.kind,
    name: type.name,
    currency: type.currency ?? '',
    stampsPerPurchase: text(type.stampsPerPurchase),
    minPurchase: String(type.minPurchaseAmount / 100),
    stampsPerCard: text(type.stampsPerCard),
    cardRewardPoints: text(type.cardRewardPoints),
    cashbackPercent: type.cashbackBasisPoints == null ? '' : String(type.cashbackBasisPoints / 100),
    pendingDays: String(type.pendingDays),
    expiryDays: text(type.expiryDays),
    maxHouseholdMembers: String(type.maxHouseholdMembers),
    active: type.active,
  };
}

/** The form field an input field of the graph is typed into. */
const fieldOfInput: Record<string, WalletField> = {
  code: 'code',
  kind: 'kind',
  name: 'name',
  currency: 'currency',
  stampsPerPurchase: 'stampsPerPurchase',
  minPurchaseAmount: 'minPurchase',
  stampsPerCard: 'stampsPerCard',
  cardRewardPoints: 'cardRewardPoints',
  cashbackBasisPoints: 'cashbackPercent',
  pendingDays: 'pendingDays',
  expiryDays: 'expiryDays',
  maxHouseholdMembers: 'maxHouseholdMembers',
};

/**
 * The graph's refusal of defineWallet on the fields it names: argument validation lists each
 * field (`extensions.problems[].path`), a rule names its field in its sentence ("a cashback wallet
 * needs cashbackBasisPoints"), and CONFLICT is a code defined with another kind.
 */
export function walletFieldErrors(error: unknown): WalletProblems {
  if (!(error instanceof GraphRequestError)) return {};
  const found: WalletProblems = {};
  for (const graphError of error.errors) {
    const code = graphError.extensions?.code;
    if (code === 'CONFLICT') {
      found.kind = graphError.message;
      continue;
    }
    if (code !== 'BAD_USER_INPUT') continue;
    const listed = graphError.extensions?.problems;
    if (Array.isArray(listed)) {
      for (const problem of listed as Array<{ path?: string; problems?: string[] }>) {
        const field = fieldOfInput[(problem.path ?? '').split('.').pop() ?? ''];
        if (field) found[field] = (problem.problems ?? []).join(', ');
      }
      continue;
    }
    // The rule's sentence names its first field; the code rule starts with it.
    if (/^POINTS\b/.test(graphError.message)) {
      found.code = graphError.message;
      continue;
    }
    const named = Object.keys(fieldOfInput).find((input) => new RegExp(`\\b${input}\\b`).test(graphError.message));
    const field = named ? fieldOfInput[named] : /currency/.test(graphError.message) ? 'currency' : undefined;
    if (field) found[field] = graphError.message;
  }
  return found;
}
