/**
 * Top-level domains that make a dotted name an address ("shop-luxe.ma", "club4mobiles.com", "wallet-web3.ing"):
 * the ICANN section of the Public Suffix List as shipped in `tldts` (maintained, about 1,500 TLDs), with a short
 * hand list kept as a fast path for the common ones. A bare name ending in a TLD that is also a common file
 * extension ("setup.py", "README.md", "lib.so", "photos.zip") counts only with "www." or a path after it.
 */
import { parse } from 'tldts';

const CC =
  'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw';
const GENERIC =
  'com net org info biz edu gov mil int mobi name pro asia tel travel jobs cat aero coop museum xxx app dev io ai shop store online site website xyz top club live life tech news blog link click today world space cloud one vip win bid loan men work party date racing review stream download trade science faith webcam icu buzz fun monster cyou sbs cfd quest rest bar best lol email digital agency company center network solutions services support systems global group media studio design watch watches shoes bag bags jewelry fashion clothing boutique market sale deals discount cheap gold luxury rocks guru ninja expert tips page wiki love ink land zone host press plus team games casino bet poker pharmacy health care doctor clinic fit beauty hair skin makeup tickets tours rent house cars auto codes chat social fans credit loans cash money finance exchange trading bio eco art photo pics video tube music radio tv';
/** Country codes that are also file extensions: a bare "x.py" is a file, "www.x.py" or "x.py/…" a site. */
const FILE_LIKE = new Set(
  'py sh rs md pl ps am so mo pm ml tf in ai cc cl sc ts js cs do go hs rb ko bz gz lo nu zip mov cab run exe bat sql csv log cfg ini yml env'.split(
    ' ',
  ),
);

const COMMON: ReadonlySet<string> = new Set([...CC.split(' '), ...GENERIC.split(' ')]);
const known = new Map<string, boolean>();

/** Whether `tld` (lower case, no dot) is a top-level domain in use. */
export function isTld(tld: string): boolean {
  if (COMMON.has(tld)) return true;
  let k = known.get(tld);
  if (k === undefined) {
    k = /^[a-z]{2,24}$|^xn--[a-z0-9-]+$/.test(tld) && parse(`a.${tld}`).isIcann === true;
    if (known.size < 10_000) known.set(tld, k);
  }
  return k;
}

/** Whether `tld` (lower case) makes a bare dotted name an address; `strong` when "www." or a path vouches for it. */
export function isAddressTld(tld: string, strong: boolean): boolean {
  return isTld(tld) && (strong || !FILE_LIKE.has(tld));
}
