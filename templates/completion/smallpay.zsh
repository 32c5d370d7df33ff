#compdef smallpay
# zsh completion for smallpay (printed by: smallpay completion zsh)
# At each <TAB> the words go to `smallpay __complete`, which reads the program's own command tree and answers
# "value<TAB>description" lines, or ":files" for a path; errors are swallowed.
_smallpay() {
  local -a lines candidates
  local line value about
  lines=("${(@f)$(command smallpay __complete zsh "${(@)words[1,CURRENT]}" 2>/dev/null)}")
  if [[ ${lines[1]} == :files ]]; then
    _files
    return
  fi
  for line in "${lines[@]}"; do
    [[ -z $line ]] && continue
    value=${line%%$'\t'*}
    about=
    [[ $line == *$'\t'* ]] && about=${line#*$'\t'}
    # _describe splits value and description at the first unescaped ':'
    candidates+=("${value//:/\\:}${about:+:$about}")
  done
  (( ${#candidates} )) && _describe -t values smallpay candidates
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
  _smallpay "$@"
else
  compdef _smallpay smallpay
fi
