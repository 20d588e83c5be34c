/*
 * Event types and the properties of their events: pure rules, no database (issue 26).
 */

export enum EventPropertyKind {
  STRING = 'STRING',
  NUMBER = 'NUMBER',
  BOOLEAN = 'BOOLEAN',
  MONEY = 'MONEY',
  SKU_LIST = 'SKU_LIST',
}

export interface EventPropertyDefinition {
  name: string;
  kind: EventPropertyKind;
  required: boolean;
}

export interface EventTypeDefinition {
  name: string;
  description: string | null;
  properties: EventPropertyDefinition[];
  membersMaySend: boolean;
}

/** Why a definition or an event's properties are refused, and the field at fault. */
export interface RuleViolation {
  message: string;
  field: string;
}

/** Lowercase words joined by dots, at least two (`cart.updated`, `review.submitted`, `app.page_viewed`). */
const typeNamePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const propertyNamePattern = /^[a-zA-Z][a-zA-Z0-9_]*$/;
export const eventTypeLimits = { nameLength: 64, propertyNameLength: 64, properties: 50, skus: 500, skuLength: 64 };

/** The definition as kept, or the first thing wrong with it. */
export function checkDefinition(definition: EventTypeDefinition): RuleViolation | EventTypeDefinition {
  const name = definition.name.trim();
  if (name.length > eventTypeLimits.nameLength || !typeNamePattern.test(name)) {
    return {
      message: `"${name.slice(0, 80)}" is not an event type name: lowercase words joined by dots, such as cart.updated (at most ${eventTypeLimits.nameLength} characters)`,
      field: 'name',
    };
  }
  if (definition.properties.length > eventTypeLimits.properties) {
    return { message: `An event type has at most ${eventTypeLimits.properties} properties`, field: 'properties' };
  }
  const seen = new Set<string>();
  for (const [index, property] of definition.properties.entries()) {
    const field = `properties.${index}.name`;
    if (property.name.length > eventTypeLimits.propertyNameLength || !propertyNamePattern.test(property.name)) {
      return {
        message: `"${property.name.slice(0, 80)}" is not a property name: a letter, then letters, digits or _ (at most ${eventTypeLimits.propertyNameLength})`,
        field,
      };
    }
    if (seen.has(property.name)) return { message: `The property ${property.name} is defined twice`, field };
    seen.add(property.name);
  }
  const description = definition.description?.trim() || null;
  return { ...definition, name, description };
}

/** True when two definitions say the same (the properties in any order). */
export function sameDefinition(a: EventTypeDefinition, b: EventTypeDefinition): boolean {
  const key = (d: EventTypeDefinition) =>
    JSON.stringify([
      d.description ?? null,
      d.membersMaySend,
      [...d.properties].sort((x, y) => x.name.localeCompare(y.name)).map((p) => [p.name, p.kind, p.required]),
    ]);
  return key(a) === key(b);
}

const isCurrency = (value: unknown): value is string => typeof value === 'string' && /^[A-Z]{3}$/.test(value);

function checkValue(kind: EventPropertyKind, value: unknown): string | null {
  switch (kind) {
    case EventPropertyKind.STRING:
      return typeof value === 'string' ? null : 'must be a string';
    case EventPropertyKind.NUMBER:
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case EventPropertyKind.BOOLEAN:
      return typeof value === 'boolean' ? null : 'must be true or false';
    case EventPropertyKind.MONEY: {
      const money = value as { amount?: unknown; currency?: unknown } | null;
      const ok =
        typeof money === 'object' &&
        money !== null &&
        !Array.isArray(money) &&
        Object.keys(money).every((key) => key === 'amount' || key === 'currency') &&
        Number.isSafeInteger(money.amount) &&
        isCurrency(money.currency);
      return ok ? null : 'must be money: { "amount": minor units (an integer), "currency": "EUR" }';
    }
    case EventPropertyKind.SKU_LIST: {
      const ok =
        Array.isArray(value) &&
        value.length <= eventTypeLimits.skus &&
        value.every(
          (sku) => typeof sku === 'string' && sku.trim().length > 0 && sku.length <= eventTypeLimits.skuLength,
        );
      return ok
        ? null
        : `must be a list of at most ${eventTypeLimits.skus} SKUs (non-empty strings of at most ${eventTypeLimits.skuLength} characters)`;
    }
  }
}

/**
 * An event's properties checked against its type: every property known, every required one given,
 * every value of its kind; a property given as null is absent. The properties as kept, or the first
 * fault, naming the property (`properties.rating`).
 */
export function checkProperties(
  type: Pick<EventTypeDefinition, 'name' | 'properties'>,
  properties: Record<string, unknown>,
): RuleViolation | { properties: Record<string, unknown> } {
  const byName = new Map(type.properties.map((property) => [property.name, property]));
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    const definition = byName.get(name);
    const field = `properties.${name}`;
    if (!definition) return { message: `${type.name} has no property ${name}`, field };
    if (value === null) continue;
    const problem = checkValue(definition.kind, value);
    if (problem) return { message: `${name} ${problem} (a ${definition.kind} property of ${type.name})`, field };
    kept[name] = value;
  }
  for (const definition of type.properties) {
    if (definition.required && !(definition.name in kept)) {
      return {
        message: `${type.name} requires the property ${definition.name}`,
        field: `properties.${definition.name}`,
      };
    }
  }
  return { properties: kept };
}

/** The size a payload counts for against `PROFILE_EVENT_MAX_BYTES`: its JSON in UTF-8. */
export const payloadBytes = (properties: Record<string, unknown>): number =>
  Buffer.byteLength(JSON.stringify(properties), 'utf8');

export const isViolation = (value: object): value is RuleViolation => 'field' in value && 'message' in value;
