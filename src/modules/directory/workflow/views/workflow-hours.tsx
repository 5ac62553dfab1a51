import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { type Column, DataTable } from '../../../../platform/views/data-table.js';
import { workflowFieldMessages, type WorkflowFieldKey } from '../workflow.fields.messages.js';
import { days, hoursField, slotsShown } from '../workflow.hours.js';
import type { FormValues } from '../workflow.validate.js';
import { FieldError } from './workflow-parts.js';

/** Weekly opening hours: one row per weekday, two periods each (more when the entry has more), every cell labelled. */
export function HoursTable({ ctx, values, errors }: { ctx: PageContext; values: FormValues; errors: FieldErrors }): JSX.Element {
  const f = workflowFieldMessages(ctx.locale);
  const slots = slotsShown(values);
  const columnLabel = (slot: number, edge: 'opens' | 'closes') =>
    slot === 1 ? f(edge === 'opens' ? 'hours.opens' : 'hours.closes') : f(edge === 'opens' ? 'hours.opensN' : 'hours.closesN', { n: slot });
  const cellErrors = Object.entries(errors).filter(([key]) => key.startsWith('hours-'));
  return (
    <fieldset class={`kern-fieldset kern-min-w-0${cellErrors.length ? ' kern-fieldset--error' : ''}`} id="hours" aria-describedby="hours-hint">
      <legend class="kern-label">{f.html('field.hours')}</legend>
      <div class="kern-hint" id="hours-hint">
        {f.html('hours.hint')}
      </div>
      {cellErrors.map(([key, message]) => (
        <FieldError name={key} error={message} />
      ))}
      <DataTable
        caption={f('field.hours')}
        captionHidden
        class="kern-table--small hours-table"
        rows={days}
        columns={[
          { header: f('hours.day'), rowHeader: true, text: (day) => f(`day.${day}` as WorkflowFieldKey) },
          ...slots.flatMap((slot) =>
            (['opens', 'closes'] as const).map((edge): Column<(typeof days)[number]> => ({
              header: columnLabel(slot, edge),
              html: (day) => {
                const name = hoursField(day, slot, edge);
                // aria-label, not a hidden <label>: an absolutely positioned label would widen the page beyond the scroll box.
                return (
                  <input
                    aria-label={f('hours.cellLabel', { day: f(`day.${day}` as WorkflowFieldKey), column: columnLabel(slot, edge) })}
                    class={`kern-form-input__input kern-w-auto${errors[name] ? ' kern-form-input__input--error' : ''}`}
                    id={name}
                    name={name}
                    type="text"
                    inputmode="numeric"
                    size="5"
                    maxlength="5"
                    placeholder="hh:mm"
                    value={values[name] ?? ''}
                    aria-invalid={errors[name] ? 'true' : undefined}
                    aria-describedby={errors[name] ? `${name}-error` : undefined}
                  />
                );
              },
            })),
          ),
        ]}
      />
    </fieldset>
  );
}
