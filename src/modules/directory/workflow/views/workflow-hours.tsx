import type { PageContext } from '../../../../platform/http/context.js';
import type { FieldErrors } from '../../../../platform/http/errors.js';
import { ScrollTable } from '../../../../platform/views/forms.js';
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
      <ScrollTable>
        <table class="kern-table kern-table--small hours-table">
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th scope="col" class="kern-table__header">
                {f.html('hours.day')}
              </th>
              {slots.flatMap((slot) =>
                (['opens', 'closes'] as const).map((edge) => (
                  <th scope="col" class="kern-table__header" safe>
                    {columnLabel(slot, edge)}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {days.map((day) => (
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__cell">
                  {f.html(`day.${day}` as WorkflowFieldKey)}
                </th>
                {slots.flatMap((slot) =>
                  (['opens', 'closes'] as const).map((edge) => {
                    const name = hoursField(day, slot, edge);
                    return (
                      <td class="kern-table__cell">
                        {/* aria-label, not a hidden <label>: an absolutely positioned label would widen the page beyond the scroll box. */}
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
                      </td>
                    );
                  }),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </fieldset>
  );
}
