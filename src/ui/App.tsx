import { HistoryScreen } from './history/HistoryScreen';
import { HomeScreen } from './home/HomeScreen';
import { SessionScreen } from './live/SessionScreen';
import { LiveScreen } from './LiveScreen';
import { NoVoiceNotice } from './NoVoiceNotice';
import { ReportScreen } from './report/ReportScreen';
import { ClipScreens, isClipRoute } from './clips/ClipScreens';
import { routeHref, useRoute, type Route } from './router';

function Screen({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'session':
      return <SessionScreen />;
    case 'check':
      return <LiveScreen />;
    case 'history':
      return <HistoryScreen />;
    case 'report':
      return <ReportScreen key={route.sessionId} sessionId={route.sessionId} />;
    case 'clips':
    case 'clip':
    case 'compare':
    case 'analyse':
      return <ClipScreens route={route} />;
    case 'not-found':
      return (
        <section>
          <h2>Page not found</h2>
          <p>
            There is nothing at this address. <a href={routeHref({ name: 'home' })}>Go home</a>.
          </p>
        </section>
      );
  }
}

export function App() {
  const route = useRoute();
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Routes live in the hash: following "#main" would leave the page for "not found".
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <a className="brand" href={routeHref({ name: 'home' })}>
          StretchCheck
        </a>
        <nav aria-label="Main">
          <a
            href={routeHref({ name: 'home' })}
            aria-current={route.name === 'home' ? 'page' : undefined}
          >
            Stretch
          </a>
          <a
            href={routeHref({ name: 'history' })}
            aria-current={route.name === 'history' ? 'page' : undefined}
          >
            History
          </a>
          <a
            href={routeHref({ name: 'clips' })}
            aria-current={isClipRoute(route) ? 'page' : undefined}
          >
            Clips
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <NoVoiceNotice />
        <Screen route={route} />
      </main>
    </>
  );
}
