import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../../test/axe';
import { MessageText } from './MessageText';

describe('MessageText', () => {
  it('keeps text as text, links http/https/mailto only, and marks search matches', async () => {
    const text =
      'Hi <b>all</b>\nsee https://example.com/docs. or mailto:ops@example.com (javascript:alert(1)) data:text/html,x';
    const { container } = render(<MessageText text={text} highlight="ALL" />);
    await expectNoAxeViolations(container);
    const root = container.firstElementChild as HTMLElement;
    expect(root.getAttribute('dir')).toBe('auto');
    expect(root.textContent).toBe(text);
    expect(root.querySelector('b')).toBeNull();
    const external = screen.getByRole('link', { name: 'https://example.com/docs' });
    expect(external.getAttribute('href')).toBe('https://example.com/docs');
    expect(external.getAttribute('target')).toBe('_blank');
    expect(external.getAttribute('rel')).toBe('noopener noreferrer');
    const mail = screen.getByRole('link', { name: 'mailto:ops@example.com' });
    expect(mail.getAttribute('target')).toBeNull();
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['all']);
  });

  it('keeps a closing bracket outside a link and passes ref and props to the element', async () => {
    let node: HTMLDivElement | null = null;
    const { container } = render(
      <MessageText
        ref={(el) => {
          node = el;
        }}
        className="mine"
        data-testid="t"
        text="(see https://example.com/a_(b))."
      />,
    );
    await expectNoAxeViolations(container);
    expect(screen.getByRole('link').getAttribute('href')).toBe('https://example.com/a_(b)');
    expect(node).toBe(screen.getByTestId('t'));
    expect(screen.getByTestId('t').className).toBe('natter-text mine');
  });
});
