// The embed pages' bundle (web/embed.html): a published map, comparison or trend for other sites'
// iframes. Only the design tokens of the app's styles come along, not the dashboard.
import '../app.css';
import { mount } from 'svelte';
import EmbedApp from './EmbedApp.svelte';

mount(EmbedApp, { target: document.getElementById('embed')! });
