# How the README's Optuna 3.1 figures for the TPE benchmark were measured (Debian's
# python3-optuna; not run by npm run bench): 30 seeds x 100 trials of Optuna's TPE on the
# functions of tpe-benchmark.ts, median best value after 25, 50 and 100 trials.
# Usage: /usr/bin/python3 optuna-reference.py uni|multi [fixed]
# "fixed" puts back the 1/sigma that Optuna 3.1's truncated normal leaves out of its density
# (optuna/optuna#5109, fixed in Optuna 3.5 by subtracting log(scale), as here).
import sys, math
sys.path.insert(0,'/usr/lib/python3/dist-packages')
import numpy as np, optuna, warnings
from optuna.samplers._tpe import _truncnorm
if 'fixed' in sys.argv[2:]:
    _logpdf = _truncnorm.logpdf
    _truncnorm.logpdf = lambda x, a, b, loc=0, scale=1: _logpdf(x, a, b, loc=loc, scale=scale) - np.log(scale)
warnings.filterwarnings('ignore')
optuna.logging.set_verbosity(optuna.logging.ERROR)
mode = sys.argv[1]  # 'uni' or 'multi'
A=np.array([[10,3,17,3.5,1.7,8],[0.05,10,17,0.1,8,14],[3,3.5,1.7,10,17,8],[17,8,0.05,10,0.1,14]])
P=1e-4*np.array([[1312,1696,5569,124,8283,5886],[2329,4135,8307,3736,1004,9991],[2348,1451,3522,2883,3047,6650],[4047,8828,8732,5743,1091,381]])
alpha=np.array([1.0,1.2,3.0,3.2])
def hartmann(t):
    x=np.array([t.suggest_float(f'x{i}',0,1) for i in range(6)])
    return -float(np.sum(alpha*np.exp(-np.sum(A*(x-P)**2,axis=1))))
def branin(t):
    x=t.suggest_float('x',-5,10); y=t.suggest_float('y',0,15)
    return (y-5.1/(4*math.pi**2)*x*x+5/math.pi*x-6)**2+10*(1-1/(8*math.pi))*math.cos(x)+10
def sphere(t):
    return sum(t.suggest_float(f'x{i}',-5,5)**2 for i in range(5))
for name,f in [('branin',branin),('hartmann',hartmann),('sphere',sphere)]:
    res={25:[],50:[],100:[]}
    for seed in range(30):
        s=optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed, multivariate=(mode=='multi')))
        s.optimize(f,n_trials=100)
        vals=[t.value for t in s.trials]
        for k in res: res[k].append(min(vals[:k]))
    print(name, mode, {k: round(float(np.median(v)),3) for k,v in res.items()}, 'IQR100', np.percentile(res[100],[25,75]).round(3), flush=True)
