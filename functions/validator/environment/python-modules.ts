/*
 * Top-level modules a QuantConnect Python algorithm can import besides its own project files. Sources:
 * - LEAN itself: Common/AlgorithmImports.py (AlgorithmImports, and the CLR namespaces it loads through
 *   pythonnet: QuantConnect, System, clr) and the Algorithm.Framework Python modules (Alphas, Portfolio,
 *   Execution, Risk, Selection, Orders), as listed in the LEAN API catalog's `python_modules`.
 * - The Python standard library: CPython 3.11's `sys.stdlib_module_names` (LEAN's Python version), without
 *   private modules and Windows-only, GUI-demo and packaging tools.
 * - Third-party libraries: the import names of the packages in QuantConnect's default Python environment
 *   ("Libraries" page of the QuantConnect documentation and LEAN's DockerfileLeanFoundation).
 * An import missing from these lists is only a warning (import-unknown); add it here when QuantConnect has it.
 */

/** Modules LEAN provides: star-importing one of them also brings LEAN's names into scope. */
// biome-ignore format: a word list reads better packed than one word per line
export const LEAN_MODULES: readonly string[] = [
  'AlgorithmImports', 'QuantConnect', 'System', 'clr', 'Alphas', 'Portfolio', 'Execution', 'Risk', 'Selection',
  'Orders',
];

/** CPython 3.11 standard library top-level modules. */
// biome-ignore format: a word list reads better packed than one word per line
export const STANDARD_LIBRARY_MODULES: readonly string[] = [
  '__future__', 'abc', 'aifc', 'argparse', 'array', 'ast', 'asynchat', 'asyncio', 'asyncore', 'atexit',
  'audioop', 'base64', 'bdb', 'binascii', 'bisect', 'builtins', 'bz2', 'cProfile', 'calendar', 'cgi',
  'cgitb', 'chunk', 'cmath', 'cmd', 'code', 'codecs', 'codeop', 'collections', 'colorsys', 'compileall',
  'concurrent', 'configparser', 'contextlib', 'contextvars', 'copy', 'copyreg', 'crypt', 'csv', 'ctypes',
  'curses', 'dataclasses', 'datetime', 'dbm', 'decimal', 'difflib', 'dis', 'distutils', 'doctest', 'email',
  'encodings', 'enum', 'errno', 'faulthandler', 'fcntl', 'filecmp', 'fileinput', 'fnmatch', 'fractions',
  'ftplib', 'functools', 'gc', 'genericpath', 'getopt', 'getpass', 'gettext', 'glob', 'graphlib', 'grp',
  'gzip', 'hashlib', 'heapq', 'hmac', 'html', 'http', 'imaplib', 'imghdr', 'imp', 'importlib', 'inspect',
  'io', 'ipaddress', 'itertools', 'json', 'keyword', 'linecache', 'locale', 'logging', 'lzma', 'mailbox',
  'mailcap', 'marshal', 'math', 'mimetypes', 'mmap', 'modulefinder', 'multiprocessing', 'netrc', 'nis',
  'nntplib', 'ntpath', 'numbers', 'opcode', 'operator', 'optparse', 'os', 'ossaudiodev', 'pathlib', 'pdb',
  'pickle', 'pickletools', 'pipes', 'pkgutil', 'platform', 'plistlib', 'poplib', 'posix', 'posixpath',
  'pprint', 'profile', 'pstats', 'pty', 'pwd', 'py_compile', 'pyclbr', 'pydoc', 'pyexpat', 'queue',
  'quopri', 'random', 're', 'readline', 'reprlib', 'resource', 'rlcompleter', 'runpy', 'sched', 'secrets',
  'select', 'selectors', 'shelve', 'shlex', 'shutil', 'signal', 'site', 'smtpd', 'smtplib', 'sndhdr',
  'socket', 'socketserver', 'spwd', 'sqlite3', 'sre_compile', 'sre_constants', 'sre_parse', 'ssl', 'stat',
  'statistics', 'string', 'stringprep', 'struct', 'subprocess', 'sunau', 'symtable', 'sys', 'sysconfig',
  'syslog', 'tabnanny', 'tarfile', 'telnetlib', 'tempfile', 'termios', 'textwrap', 'threading', 'time',
  'timeit', 'tkinter', 'token', 'tokenize', 'tomllib', 'trace', 'traceback', 'tracemalloc', 'tty', 'turtle',
  'types', 'typing', 'unicodedata', 'unittest', 'urllib', 'uu', 'uuid', 'warnings', 'wave', 'weakref',
  'webbrowser', 'wsgiref', 'xdrlib', 'xml', 'xmlrpc', 'zipapp', 'zipfile', 'zipimport', 'zlib', 'zoneinfo',
];

/** Import names of the third-party packages in QuantConnect's default Python environment. */
// biome-ignore format: a word list reads better packed than one word per line
export const THIRD_PARTY_MODULES: readonly string[] = [
  'QuantLib', 'accelerate', 'alphalens', 'arch', 'arviz', 'attr', 'bayes_opt', 'bs4', 'bt', 'catboost',
  'cloudpickle', 'copulae', 'copulas', 'cvxopt', 'cvxpy', 'datasets', 'dateutil', 'deap', 'dill', 'dtw',
  'empyrical', 'ffn', 'filterpy', 'findiff', 'fracdiff', 'gensim', 'gym', 'gymnasium', 'h5py', 'hdbscan',
  'hmmlearn', 'hyperopt', 'imblearn', 'jax', 'jaxlib', 'joblib', 'keras', 'keras_tuner', 'lightgbm',
  'linearmodels', 'lxml', 'matplotlib', 'mlfinlab', 'more_itertools', 'mpl_toolkits', 'mplfinance',
  'networkx', 'nltk', 'numba', 'numpy', 'optuna', 'orjson', 'pandas', 'pandas_ta', 'pingouin', 'plotly',
  'pmdarima', 'polars', 'pomegranate', 'prophet', 'pulp', 'pyarrow', 'pydantic', 'pyfolio', 'pykalman',
  'pymc', 'pypfopt', 'pyro', 'pytz', 'pywt', 'quantecon', 'quantstats', 'requests', 'riskfolio', 'ruptures',
  'scikit_posthocs', 'scipy', 'seaborn', 'sentence_transformers', 'shap', 'simplejson', 'sklearn',
  'sklearn_extra', 'skopt', 'sktime', 'sortedcontainers', 'stable_baselines3', 'statsmodels', 'sympy', 'ta',
  'tabulate', 'talib', 'tensorflow', 'tensorflow_probability', 'tigramite', 'tokenizers', 'toolz', 'torch',
  'torchvision', 'tqdm', 'transformers', 'tsfresh', 'tslearn', 'ujson', 'umap', 'xgboost', 'yaml',
];
