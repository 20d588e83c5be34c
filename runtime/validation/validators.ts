import { registerDecorator, type ValidationOptions } from 'class-validator';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const codePattern = /^[A-Z][A-Z0-9_]{1,31}$/;
const currencyCodes = new Set(Intl.supportedValuesOf('currency'));

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** An ISO 4217 currency code known to this runtime's ICU data (EUR, USD, JPY, ...). */
export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && currencyCodes.has(value);
}

/** An UPPER_SNAKE_CASE code of 2 to 32 characters (channel names and the like). */
export function isCode(value: unknown): value is string {
  return typeof value === 'string' && codePattern.test(value);
}

function decorator(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: test },
      });
}

export const IsUuid = decorator('isUuid', isUuid, '$property must be a UUID');
export const IsCurrencyCode = decorator(
  'isCurrencyCode',
  isCurrencyCode,
  '$property must be an ISO 4217 currency code',
);
export const IsCode = decorator('isCode', isCode, '$property must be UPPER_SNAKE_CASE, 2 to 32 characters');
