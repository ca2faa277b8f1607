// The one stylesheet, served at /style.css. System fonts, a readable measure, colours with AA contrast.
export const STYLE = `
:root { --fg:#1d2430; --muted:#5b6473; --line:#dde2ea; --bg:#f6f7f9; --card:#fff; --accent:#1f5fbf; --accent-bg:#e8f0fc;
  --direct:#fff1b8; --indirect:#dff3e4; --mixed:#f3e1f7; --band:#1f5fbf; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--fg); background:var(--bg); }
a { color:var(--accent); text-decoration-thickness:1px; text-underline-offset:2px; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline:3px solid #f0a500; outline-offset:2px; }
.skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:.5rem; background:#fff; padding:.25rem .5rem; z-index:2; }
header.site { background:#172033; color:#fff; }
header.site .inner { display:flex; gap:1.5rem; align-items:center; flex-wrap:wrap; }
header.site a.brand { color:#fff; font-weight:700; font-size:1.2rem; text-decoration:none; letter-spacing:.02em; }
header.site nav ul { list-style:none; display:flex; gap:1rem; margin:0; padding:0; flex-wrap:wrap; }
header.site nav a { color:#d6e2ff; text-decoration:none; padding:.2rem 0; }
header.site nav a[aria-current="page"], header.site nav a:hover { color:#fff; border-bottom:2px solid #7aa7ff; }
.inner { max-width:64rem; margin:0 auto; padding:.8rem 1.25rem; }
main.inner { padding-top:1.5rem; padding-bottom:3rem; }
h1 { font-size:1.8rem; line-height:1.25; margin:.2rem 0 .4rem; }
h2 { font-size:1.2rem; margin:2rem 0 .6rem; padding-bottom:.3rem; border-bottom:1px solid var(--line); }
h3 { font-size:1rem; margin:1rem 0 .4rem; }
.muted, .meta { color:var(--muted); font-size:.92rem; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:1rem 1.1rem; margin:.6rem 0; }
.grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(17rem,1fr)); gap:.8rem; }
.grid .card { margin:0; } .card > h3:first-child { margin-top:0; }
ul.plain { list-style:none; padding:0; margin:0; } ul.plain li { padding:.35rem 0; border-bottom:1px solid var(--line); } ul.plain li:last-child { border-bottom:0; }
.tag { display:inline-block; font-size:.72rem; font-weight:600; letter-spacing:.04em; text-transform:uppercase; padding:.05rem .45rem; border-radius:999px; background:var(--accent-bg); color:#17407e; vertical-align:middle; }
.tag.PER { background:#e6f4ea; color:#1e5b31; } .tag.ORG { background:#fdeede; color:#7a3e00; } .tag.LOC { background:#e8eefc; color:#1c3f8a; } .tag.MISC { background:#eee; color:#444; }
form.search { display:flex; gap:.5rem; margin:.5rem 0 1rem; flex-wrap:wrap; align-items:end; }
form.search label { display:flex; flex-direction:column; font-size:.85rem; color:var(--muted); gap:.2rem; }
input[type=search], input[type=text], select { font:inherit; padding:.45rem .6rem; border:1px solid #b9c1cd; border-radius:6px; min-width:14rem; background:#fff; }
button { font:inherit; padding:.45rem .9rem; border:0; border-radius:6px; background:var(--accent); color:#fff; cursor:pointer; }
blockquote { margin:.3rem 0; padding:.1rem 0 .1rem .9rem; border-left:4px solid #c9d6ec; font-size:1.02rem; }
blockquote.direct { border-left-color:#e0b400; } blockquote.indirect { border-left-color:#4caf6d; } blockquote.mixed { border-left-color:#a65cc0; }
figure.quote { margin:.8rem 0; } figure.quote figcaption { color:var(--muted); font-size:.9rem; }
table { border-collapse:collapse; width:100%; background:var(--card); border:1px solid var(--line); border-radius:8px; overflow:hidden; }
th, td { text-align:left; padding:.5rem .7rem; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef1f5; font-size:.85rem; color:#374151; }
.ctx { color:var(--muted); font-size:.88rem; } .ctx mark { background:#fff1b8; color:inherit; }
.article .block { display:grid; grid-template-columns:7.5rem 1fr; gap:.8rem; padding:.45rem 0; border-bottom:1px dashed var(--line); }
.article .block .kind { font-size:.72rem; text-transform:uppercase; letter-spacing:.05em; color:var(--muted); padding-top:.2rem; }
.article .block.headline .text { font-size:1.35rem; font-weight:700; } .article .block.subhead .text { font-weight:700; }
.article .block.caption .text, .article .block.byline .text, .article .block.source_line .text, .article .block.author_bio .text, .article .block.boilerplate .text { color:var(--muted); font-size:.9rem; }
mark.q { padding:.05rem .1rem; border-radius:3px; color:inherit; } mark.q.direct { background:var(--direct); } mark.q.indirect { background:var(--indirect); } mark.q.mixed { background:var(--mixed); }
.legend span { margin-right:1rem; font-size:.85rem; }
.band { display:inline-flex; gap:2px; vertical-align:middle; margin-right:.5rem; }
.band i { display:block; width:1.1rem; height:.7rem; background:#e3e7ee; border-radius:2px; }
.band i.on { background:var(--band); }
.band.uncertain i { background:repeating-linear-gradient(45deg,#c9d1de 0 3px,#eef1f5 3px 6px); }
.bandname { font-weight:600; }
.leaning { font-size:1.02rem; } .leaning strong { color:#17407e; }
.timeline { list-style:none; padding:0; margin:0; border-left:3px solid #c9d6ec; }
.timeline li { position:relative; padding:.2rem 0 .9rem 1.2rem; } .timeline li::before { content:""; position:absolute; left:-.5rem; top:.55rem; width:.7rem; height:.7rem; border-radius:50%; background:var(--accent); }
.timeline > li > time { font-weight:700; font-variant-numeric:tabular-nums; }
ul.plain.names li { display:inline-block; margin:0 .4rem .4rem 0; padding:.1rem .6rem; background:#eef1f5; border:0; border-radius:999px; font-size:.9rem; }
.empty { color:var(--muted); font-style:italic; }
footer { color:var(--muted); font-size:.8rem; text-align:center; padding:2rem 0; }
@media (max-width:40rem) { .article .block { grid-template-columns:1fr; gap:.1rem; } }
`
