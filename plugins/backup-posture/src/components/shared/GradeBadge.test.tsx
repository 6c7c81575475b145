import { screen } from '@testing-library/react';
import { useTheme } from '@material-ui/core/styles';
import { renderInTestApp } from '@backstage/test-utils';
import { GradeBadge } from './GradeBadge';

/** Writes the test app's status palette where the test can read it. */
function StatusPalette() {
  const { status } = useTheme().palette;
  return (
    <span
      data-testid="palette"
      data-ok={status.ok}
      data-error={status.error}
      data-aborted={status.aborted}
    />
  );
}

describe('GradeBadge', () => {
  it('shows the letter and the score in words', async () => {
    await renderInTestApp(<GradeBadge grade="C" score={72.5} />);
    expect(
      screen.getByRole('img', { name: 'Grade C, score 72.5 of 100' }),
    ).toHaveTextContent('C');
    expect(screen.getByText('72.5/100')).toBeInTheDocument();
  });

  it('is labelled just by its grade where a table hides the score text', async () => {
    await renderInTestApp(<GradeBadge grade="F" score={38.5} hideScore />);
    expect(screen.queryByText('No score')).toBeNull();
    expect(screen.getByRole('img', { name: 'Grade F' })).toHaveTextContent('F');
  });

  it('says "unknown", never a letter, when there is no grade', async () => {
    await renderInTestApp(<GradeBadge grade={null} score={null} hideScore />);
    expect(
      screen.getByRole('img', {
        name: 'Grade unknown: nothing could be evaluated',
      }),
    ).toHaveTextContent(/^unknown$/);
  });

  it("takes its colours from the theme's status palette", async () => {
    await renderInTestApp(
      <>
        <StatusPalette />
        <GradeBadge grade="F" score={10} hideScore />
        <GradeBadge grade="A" score={99} hideScore />
        <GradeBadge grade={null} score={null} hideScore />
      </>,
    );
    const palette = screen.getByTestId('palette').dataset;
    expect(screen.getByRole('img', { name: 'Grade F' })).toHaveStyle({
      background: palette.error,
    });
    expect(screen.getByRole('img', { name: 'Grade A' })).toHaveStyle({
      background: palette.ok,
    });
    expect(screen.getByRole('img', { name: /^Grade unknown/ })).toHaveStyle({
      background: palette.aborted,
    });
  });
});
