" Run by tests/test_server_editors.py: vim -Nu NONE --not-a-term -S vim_ale_check.vim
" Loads ALE and README's configuration, opens $FZLINT_SEED, waits for ALE's loclist
" from fzlint server and writes each entry's line, character column, type and code as JSON.
let &runtimepath = $FZLINT_ALE . ',' . &runtimepath
filetype plugin on
runtime plugin/ale.vim
execute 'source ' . fnameescape($FZLINT_CONFIG)
execute 'edit ' . fnameescape($FZLINT_SEED)
ALELint
let s:waited = 0
while empty(ale#engine#GetLoclist(bufnr(''))) && s:waited < 600
  sleep 100m
  let s:waited += 1
endwhile
let s:found = []
for s:item in ale#engine#GetLoclist(bufnr(''))
  let s:line = getline(s:item.lnum)
  call add(s:found, {'line': s:item.lnum, 'character': strchars(strpart(s:line, 0, s:item.col - 1)) + 1,
  \ 'type': s:item.type, 'code': get(s:item, 'code', ''), 'text': s:item.text})
endfor
call writefile([json_encode(s:found)], $FZLINT_OUT)
qall!
