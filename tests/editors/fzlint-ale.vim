" Vim with ALE (Debian: vim-ale): fzlint server for reports. README "Language server"
" shows this file; tests/test_server_editors.py loads it into a real Vim.
" ALE reads an LSP column as a byte column: positionEncoding utf-8 makes fzlint count bytes.
function! FzlintRoot(buffer) abort
  return fnamemodify(bufname(a:buffer), ':p:h')
endfunction
for s:filetype in ['markdown', 'text']
  call ale#linter#Define(s:filetype, {
  \   'name': 'fzlint',
  \   'lsp': 'stdio',
  \   'executable': 'fzlint',
  \   'command': '%e server',
  \   'project_root': function('FzlintRoot'),
  \   'initialization_options': {'positionEncoding': 'utf-8'},
  \})
endfor
" ALE runs no linter on 'text' buffers unless told to (its default for text is none).
let g:ale_linters = extend(get(g:, 'ale_linters', {}), {'text': ['fzlint']}, 'keep')
