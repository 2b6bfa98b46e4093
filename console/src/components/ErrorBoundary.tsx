import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import i18n from '../i18n';

/** Catches a page that fails while rendering, so the operator sees a message and a way on, never a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidUpdate(previous: { resetKey?: string }) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  componentDidCatch(error: unknown) {
    console.error('console page failed', error);
  }

  render() {
    if (this.state.failed) {
      return (
        <div data-testid="error-boundary">
          <Result
            status="error"
            title={i18n.t('error.page.title')}
            subTitle={i18n.t('error.page.detail')}
            extra={<Button onClick={() => window.location.reload()}>{i18n.t('error.page.reload')}</Button>}
          />
        </div>
      );
    }
    return this.props.children;
  }
}
