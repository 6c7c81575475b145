import { render, screen } from '@testing-library/react';
import { GradeBadge } from './GradeBadge';

describe('GradeBadge', () => {
  it('shows the letter and the score in words', () => {
    render(<GradeBadge grade="C" score={72.5} />);
    expect(
      screen.getByRole('img', { name: 'Grade C, score 72.5 of 100' }),
    ).toHaveTextContent('C');
    expect(screen.getByText('72.5/100')).toBeInTheDocument();
  });

  it('never says "No score" beside a grade when a table hides the score text', () => {
    render(<GradeBadge grade="F" score={38.5} hideScore />);
    expect(screen.queryByText('No score')).toBeNull();
    expect(
      screen.getByRole('img', { name: 'Grade F, score 38.5 of 100' }),
    ).toBeInTheDocument();
  });
});
