"""The web app's CSS and the small scripts its HTML views rely on (no external assets)."""

PAGE_CSS = """
.gradio-container { max-width: 1040px !important; margin: 0 auto !important; }
#search-btn, #basis-btn { align-self: flex-end; min-height: 48px; margin-bottom: 10px; }
@media (max-width: 640px) { .gradio-container { padding: 8px !important; } #search-btn, #basis-btn { align-self: stretch; margin: 0; } }
"""

VIEW_CSS = """
.msg { padding: 12px 14px; border-radius: 8px; background: #f1f5f9; color: #1e293b; line-height: 1.5; }
.msg.error { background: #fef2f2; color: #991b1b; }
.msg.note { background: #fffbeb; color: #78350f; margin-bottom: 10px; }
.msg.ok { background: #ecfdf5; color: #065f46; }
.answer { padding: 12px 14px; margin-bottom: 12px; border-left: 4px solid #2563eb; border-radius: 6px; background: #eff6ff; color: #1e3a8a; }
.answer a { color: inherit; }
.card { border: 1px solid #d0d7de; border-radius: 10px; padding: 12px 14px; margin: 0 0 12px;
        background: #fff; color: #1f2328; overflow-wrap: anywhere; }
.card h3 { margin: 0 0 2px; font-size: 1.05rem; }
.card .doc-title { margin: 0 0 6px; color: #57606a; font-size: .9rem; }
.card .meta { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: .85rem; color: #57606a; margin-bottom: 6px; }
.card .section { font-size: .85rem; color: #0b5394; margin-bottom: 8px; }
.card .text { line-height: 1.6; white-space: pre-wrap; }
.article-group { border-left: 3px solid #0b5394; padding-left: 10px; margin: 0 0 12px; }
.article-group .article-head { font-weight: 600; color: #0b5394; margin: 0 0 6px; }
.article-group .article-head .count { font-weight: 400; color: #57606a; font-size: .9rem; }
.card mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.facts { margin: 8px 0 0; display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font-size: .9rem; }
.facts .label { font-weight: 600; color: #3d444d; }  /* spans, not <dl>: Gradio's prose styles enlarge <dt> */
.flag { color: #9a3412; background: #fff7ed; border: 1px solid #fdba74; border-radius: 4px; padding: 0 4px; }
.card .cite { margin-top: 10px; padding-top: 8px; border-top: 1px dashed #d0d7de; font-size: .85rem; color: #3d444d; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.actions button { font-size: .85rem; font-weight: 500; line-height: 1.4; padding: 4px 10px; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; color: #1f2328; cursor: pointer; }
.actions button:hover { background: #eaeef2; }
.docview .head { border-bottom: 2px solid #d0d7de; padding-bottom: 8px; margin-bottom: 12px; color: #1f2328; }
.docview .head .kind { font-weight: 700; letter-spacing: .02em; }
.docview .head h2 { margin: 4px 0 8px; font-size: 1.15rem; }
.docview .head dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; font-size: .9rem; }
.docview .head dt { color: #57606a; } .docview .head dd { margin: 0; }
.docview .layout { display: grid; grid-template-columns: minmax(180px, 260px) minmax(0, 1fr); gap: 16px; height: min(78vh, 900px); }
.docview nav, .docview .body { overflow: auto; overscroll-behavior: contain; }  /* two panes: the tree stays beside the text */
.docview nav { text-align: left; font-size: .85rem; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px; }
.docview nav a { display: block; padding: 2px 0; text-align: left; color: #0b5394; text-decoration: none; }
.docview nav a.current { font-weight: 700; color: #92400e; }
.docview .body { position: relative; padding-right: 4px; text-align: left; color: #1f2328; line-height: 1.6; overflow-wrap: anywhere; }
.docview .heading { font-weight: 700; margin: 14px 0 4px; scroll-margin-top: 12px; }
.docview .passage { margin: 0 0 8px; padding: 4px 8px; border-radius: 6px; white-space: pre-wrap; }
.docview .passage .lines { color: #8c959f; font-size: .75rem; margin-left: 6px; }
.docview .passage.marked { background: #fef3c7; border-left: 4px solid #d97706; }
.sbs { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin-top: 8px; }
.sbs > div { border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px; line-height: 1.6; }
.sbs h4 { margin: 0 0 4px; font-size: .85rem; color: #57606a; }
ins { background: #dcfce7; color: #14532d; text-decoration: none; border-radius: 3px; padding: 0 2px; }
del { background: #fee2e2; color: #7f1d1d; border-radius: 3px; padding: 0 2px; }
g.node[role=button] { cursor: pointer; } g.node[role=button]:focus { outline: none; }
g.node[role=button]:focus-visible rect { stroke: #0969da; stroke-width: 3; }
@media (max-width: 720px) { .docview .layout, .sbs { grid-template-columns: minmax(0, 1fr); } .docview .layout { height: auto; }
  .docview nav { max-height: 30vh; } .docview .body { max-height: 75vh; } }
"""

# Card buttons (and the relations panel's documents, SVG boxes included): copying stays in the
# browser; the others become Gradio events carrying the passage (pid -1: the document's top).
CARD_JS = """
const copy = (button) => {
  const text = button.dataset.citation, label = button.dataset.label ??= button.textContent;
  const done = () => { button.textContent = 'Đã sao chép ✓'; setTimeout(() => { button.textContent = label; }, 2000); };
  const fallback = () => {
    const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);
    area.select(); document.execCommand('copy'); area.remove(); done();
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
};
element.addEventListener('click', (event) => {
  const button = event.target.closest('[data-action]');
  if (!button) return;
  if (button.dataset.action === 'copy') { copy(button); return; }
  const data = {doc: button.dataset.doc, pid: Number(button.dataset.pid), line: Number(button.dataset.line)};
  if (button.dataset.action === 'context') trigger('open_context', data);
  if (button.dataset.action === 'similar') trigger('find_similar', data);
});
element.addEventListener('keydown', (event) => {  // the graph's boxes are not buttons: Enter or Space opens them too
  const box = event.target.closest('g[role=button]');
  if (!box || (event.key !== 'Enter' && event.key !== ' ')) return;
  event.preventDefault();
  box.dispatchEvent(new MouseEvent('click', {bubbles: true}));
});
"""
# The document view: bring the chosen passage into view each time a document is shown; the
# section tree jumps inside the view instead of changing the page's address.
DOC_JS = """
const reveal = () => setTimeout(() => {  // the chosen passage, or the top of a document opened from its relations
  const marked = element.querySelector('.marked');
  (marked ?? element.querySelector('.docview'))?.scrollIntoView({block: marked ? 'center' : 'start'});
}, 80);
reveal();  // the tab mounts this view only when first shown, already holding its document
watch('value', reveal);
element.addEventListener('click', (event) => {
  const link = event.target.closest('a[data-jump]');
  if (!link) return;
  event.preventDefault();
  const pane = element.querySelector('.docview .body'), target = element.querySelector('#' + link.dataset.jump);
  if (!pane || !target) return;
  pane.scrollIntoView({block: 'nearest'});  // the page may have scrolled on, to the relations below
  pane.scrollTo({top: target.offsetTop - 8, behavior: 'smooth'});
});
"""
